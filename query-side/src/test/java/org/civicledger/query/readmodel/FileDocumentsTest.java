package org.civicledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDocumentsTest extends DocumentStoreContract {

    @TempDir
    Path directory;
    private ReadStoreFile file;

    @Override
    DocumentStore store() {
        file = openFile();
        return new FileDocuments(file);
    }

    private ReadStoreFile openFile() {
        return ReadStoreFile.open(directory.resolve("read-models.mv"), 4, 4, false, 1_000);
    }

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void whatWasWrittenIsThereAfterTheFileIsOpenedAgain() {
        new FileDocuments(file).write("g1_ideas", List.of(new DocumentWrite("i1", -1,
                new Document("_id", "i1").append(DocumentStore.REVISION, 0L).append("votes", 7))));
        file.close();

        file = openFile();
        FileDocuments reopened = new FileDocuments(file);

        assertThat(reopened.find("g1_ideas", "i1").getInteger("votes")).isEqualTo(7);
        assertThat(reopened.collections()).containsExactly("g1_ideas");
    }
}
