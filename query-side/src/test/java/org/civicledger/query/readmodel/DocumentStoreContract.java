package org.civicledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What a read model may count on from any store of its documents: the in-heap one and the one in a file. */
abstract class DocumentStoreContract {

    private DocumentStore documents;

    abstract DocumentStore store();

    @org.junit.jupiter.api.BeforeEach
    void open() {
        documents = store();
    }

    @Test
    void aDocumentReadsBackAsItWasWritten() {
        Document idea = new Document("_id", "i1").append(DocumentStore.REVISION, 0L).append("votes", 3)
                .append("at", new Date(1_700_000_000_000L)).append("shares", new Document("0", 2L)).append("tags", List.of("a", "b"));

        documents.write("ideas", List.of(new DocumentWrite("i1", -1, idea)));

        assertThat(documents.find("ideas", "i1")).isEqualTo(idea);
        assertThat(documents.find("ideas", List.of("i1", "i2"))).containsOnlyKeys("i1");
    }

    @Test
    void aWriteFromAnOlderRevisionIsRefusedAndTheWritesBeforeItAreMade() {
        documents.write("ideas", List.of(new DocumentWrite("i1", -1, new Document("_id", "i1").append(DocumentStore.REVISION, 0L))));

        assertThatThrownBy(() -> documents.write("ideas", List.of(
                new DocumentWrite("i2", -1, new Document("_id", "i2").append(DocumentStore.REVISION, 0L)),
                new DocumentWrite("i1", 5, new Document("_id", "i1").append(DocumentStore.REVISION, 6L)))))
                .isInstanceOf(DocumentStore.StaleWrite.class);

        assertThat(documents.find("ideas", "i2")).isNotNull();
        assertThat(documents.find("ideas", "i1").getLong(DocumentStore.REVISION)).isZero();
    }

    @Test
    void aSecondInsertOfOneIdIsRefused() {
        documents.write("ideas", List.of(new DocumentWrite("i1", -1, new Document("_id", "i1").append(DocumentStore.REVISION, 0L))));

        assertThatThrownBy(() -> documents.write("ideas",
                List.of(new DocumentWrite("i1", -1, new Document("_id", "i1").append(DocumentStore.REVISION, 0L)))))
                .isInstanceOf(DocumentStore.StaleWrite.class);
    }

    @Test
    void aRemovalAtTheRevisionReadRemoves() {
        documents.write("ideas", List.of(new DocumentWrite("i1", -1, new Document("_id", "i1").append(DocumentStore.REVISION, 0L))));

        documents.write("ideas", List.of(new DocumentWrite("i1", 0, null)));

        assertThat(documents.find("ideas", "i1")).isNull();
    }

    @Test
    void askingForNoDocumentsFindsNone() {
        documents.write("ideas", List.of(new DocumentWrite("i1", -1, new Document("_id", "i1").append(DocumentStore.REVISION, 0L))));

        assertThat(documents.find("ideas", List.of())).isEmpty();
    }
}
