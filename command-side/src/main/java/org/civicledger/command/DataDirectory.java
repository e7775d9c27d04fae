package org.civicledger.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * The directory where the default run keeps what must survive a restart: the embedded event store's
 * files and locally generated keys ({@code civic.data-dir}, {@code ./data} by default).
 */
public record DataDirectory(Path root) {

    public Path resolve(String name) {
        return root.resolve(name);
    }

    /**
     * Reads a secret kept in {@code keys/<name>}, creating it with {@code generate} (file mode 0600)
     * on first use. Concurrent first uses agree on one value: the file is created exclusively.
     */
    public byte[] secret(String name, Supplier<byte[]> generate) {
        Path file = root.resolve("keys").resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            Files.createDirectories(file.getParent());
            byte[] value = generate.get();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                return Files.readAllBytes(file);
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.write(file, value, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
        }
    }
}
