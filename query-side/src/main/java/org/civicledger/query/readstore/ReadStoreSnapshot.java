package org.civicledger.query.readstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.civicledger.query.readmodel.MemoryDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory read store kept across restarts: every collection of the embedded server's database (the
 * passes' tokens, parked events), then every collection of the read models kept in this process, written to one
 * file (each document as its own BSON bytes) when the system stops and on a cadence, and read back before
 * anything else starts. What it holds is safe to be behind the events: every figure is guarded by the versions of what it
 * counts, so the passes replay from the tokens in the snapshot without counting twice. That is why the tokens
 * (and the record of generations) are written first and the documents after them: documents may be newer than
 * the tokens, never older. A snapshot that cannot be read is set aside and the read models are rebuilt.
 */
public final class ReadStoreSnapshot {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreSnapshot.class);
    private static final int MAGIC = 0x434C5253; // "CLRS"
    private static final int VERSION = 2;
    private static final int END_OF_COLLECTION = 0;
    private static final int BATCH = 2_000;
    /** Written first: the passes' positions. */
    private static final List<String> FIRST = List.of("trackingtokens");
    /** Of the read models, written first: the record of which generation is current. */
    private static final String GENERATIONS = "readModels";

    private final Path file;

    public ReadStoreSnapshot(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** What a write or a restore did. */
    public record Outcome(long collections, long documents, long bytes, double seconds) {
    }

    /**
     * Writes every collection of {@code database} to the snapshot file, replacing the earlier one only once
     * complete. Answers null, keeping the earlier snapshot, when a generation was switched while writing (the
     * collections the record names may have been dropped meanwhile).
     */
    public Outcome write(MongoDatabase database, MemoryDocuments documentsHere) throws IOException {
        long started = System.nanoTime();
        List<byte[]> generations = generations(documentsHere);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<String> order = new ArrayList<>();
        List<String> names = new ArrayList<>();
        database.listCollectionNames().into(names);
        for (String first : FIRST) {
            if (names.remove(first)) {
                order.add(first);
            }
        }
        names.sort(String::compareTo);
        order.addAll(names);
        long documents = 0;
        try (OutputStream raw = Files.newOutputStream(partial);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(order.size());
            for (String name : order) {
                out.writeUTF(name);
                try (MongoCursor<RawBsonDocument> cursor = database.getCollection(name, RawBsonDocument.class)
                        .find().batchSize(BATCH).iterator()) {
                    while (cursor.hasNext()) {
                        ByteBuffer bytes = cursor.next().getByteBuffer().asNIO();
                        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                        documents++;
                    }
                }
                out.writeInt(END_OF_COLLECTION);
            }
            List<String> here = documentsHere.collections();
            if (here.remove(GENERATIONS)) {
                here.add(0, GENERATIONS);
            }
            out.writeInt(here.size());
            for (String name : here) {
                out.writeUTF(name);
                long[] count = {0};
                IOException[] failed = {null};
                documentsHere.eachStored(name, bson -> {
                    try {
                        out.write(bson);
                        count[0]++;
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
                documents += count[0];
                out.writeInt(END_OF_COLLECTION);
            }
            order.addAll(here);
        }
        if (!sameBytes(generations, generations(documentsHere))) {
            Files.delete(partial);
            return null;
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Outcome(order.size(), documents, Files.size(file), (System.nanoTime() - started) / 1e9);
    }

    /** The next document of a collection as its BSON bytes, or null at the collection's end. */
    private static byte[] next(DataInputStream in) throws IOException {
        int length = Integer.reverseBytes(in.readInt());
        if (length == END_OF_COLLECTION) {
            return null;
        }
        byte[] bytes = new byte[length];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(length);
        in.readFully(bytes, 4, length - 4);
        return bytes;
    }

    private static List<byte[]> generations(MemoryDocuments documentsHere) {
        List<byte[]> all = new ArrayList<>();
        documentsHere.eachStored(GENERATIONS, all::add);
        return all;
    }

    private static boolean sameBytes(List<byte[]> one, List<byte[]> other) {
        if (one.size() != other.size()) {
            return false;
        }
        for (int i = 0; i < one.size(); i++) {
            if (!java.util.Arrays.equals(one.get(i), other.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the snapshot into {@code database} (empty, just started) and {@code documentsHere}. Answers null when there is none; a
     * snapshot that cannot be read is moved aside, the collections restored from it so far are dropped, and
     * null is answered: the read models are then rebuilt from the events.
     */
    public Outcome restore(MongoClient client, String databaseName, MemoryDocuments documentsHere) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long started = System.nanoTime();
        MongoDatabase database = client.getDatabase(databaseName);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a read store snapshot of this version");
            }
            int collections = in.readInt();
            long documents = 0;
            InsertManyOptions unordered = new InsertManyOptions().ordered(false);
            for (int c = 0; c < collections; c++) {
                MongoCollection<BsonDocument> collection = database.getCollection(in.readUTF(), BsonDocument.class);
                List<BsonDocument> batch = new ArrayList<>(BATCH);
                for (byte[] bytes = next(in); bytes != null; bytes = next(in)) {
                    batch.add(new RawBsonDocument(bytes));
                    if (batch.size() == BATCH) {
                        collection.insertMany(batch, unordered);
                        documents += batch.size();
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch, unordered);
                    documents += batch.size();
                }
            }
            int here = in.readInt();
            for (int c = 0; c < here; c++) {
                String name = in.readUTF();
                for (byte[] bytes = next(in); bytes != null; bytes = next(in)) {
                    documentsHere.putStored(name, bytes);
                    documents++;
                }
            }
            return new Outcome(collections + here, documents, Files.size(file), (System.nanoTime() - started) / 1e9);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            log.warn("The read store snapshot {} cannot be read ({}); set aside as {}, the read models are rebuilt from the events",
                    file, e instanceof EOFException ? "it ends early" : e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moving) {
                log.warn("Cannot set aside {}: {}", file, moving.getMessage());
            }
            database.drop();
            documentsHere.clear();
            return null;
        }
    }
}
