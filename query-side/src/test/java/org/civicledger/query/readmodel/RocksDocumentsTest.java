package org.civicledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDocumentsTest extends DocumentStoreContract {

    @TempDir
    Path directory;
    private RocksDocuments documents;

    @Override
    DocumentStore store() {
        documents = RocksDocuments.open(directory.resolve("documents"), 4);
        return documents;
    }

    @AfterEach
    void close() {
        documents.close();
    }

    @Test
    void whatWasWrittenIsThereAfterTheStoreIsOpenedAgain() {
        documents.write("g1_ideas", List.of(new DocumentWrite("i1", -1,
                new Document("_id", "i1").append(DocumentStore.REVISION, 0L).append("votes", 7))));
        documents.close();

        documents = RocksDocuments.open(directory.resolve("documents"), 4);

        assertThat(documents.find("g1_ideas", "i1").getInteger("votes")).isEqualTo(7);
        assertThat(documents.collections()).containsExactly("g1_ideas");
    }

    @Test
    void aCollectionIsReadWholeWithoutTheDocumentsOfCollectionsNamedLikeIt() {
        documents.write("g1_idea", List.of(new DocumentWrite("a", -1, new Document("_id", "a").append(DocumentStore.REVISION, 0L))));
        documents.write("g1_ideas", List.of(new DocumentWrite("b", -1, new Document("_id", "b").append(DocumentStore.REVISION, 0L)),
                new DocumentWrite("c", -1, new Document("_id", "c").append(DocumentStore.REVISION, 0L))));
        documents.write("g1_ideasX", List.of(new DocumentWrite("d", -1, new Document("_id", "d").append(DocumentStore.REVISION, 0L))));

        List<String> ids = new ArrayList<>();
        documents.forEach("g1_ideas", d -> ids.add(d.getString("_id")));

        assertThat(ids).containsExactly("b", "c");
    }

    @Test
    void aDroppedCollectionLeavesTheOthersWhole() {
        documents.write("g1_ideas", List.of(new DocumentWrite("a", -1, new Document("_id", "a").append(DocumentStore.REVISION, 0L))));
        documents.write("g2_ideas", List.of(new DocumentWrite("a", -1, new Document("_id", "a").append(DocumentStore.REVISION, 0L))));

        documents.drop("g1_ideas");

        assertThat(documents.find("g1_ideas", "a")).isNull();
        assertThat(documents.find("g2_ideas", "a")).isNotNull();
        assertThat(documents.collections()).containsExactly("g2_ideas");
    }
}
