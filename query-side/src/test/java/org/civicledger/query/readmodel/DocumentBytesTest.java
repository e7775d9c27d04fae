package org.civicledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class DocumentBytesTest {

    private static final Document EVERY_KIND = new Document("_id", "opcina-1/2026-11-26/s0").append(DocumentStore.REVISION, 7L)
            .append("votes", 12).append("share", 0.25).append("hidden", false).append("at", new Date(1_764_000_000_000L))
            .append("answer", null).append("tags", List.of("a", List.of(1, 2L), new Document("x", "y")))
            .append("acts", new Document("W9G9", new Document("v", 3L).append("kind", "ANSWER").append("gender", null)));

    @Test
    void theBytesAreTheOnesTheDriverWrites() {
        byte[] driver = Arrays.copyOf(new RawBsonDocument(EVERY_KIND, new DocumentCodec()).getByteBuffer().array(),
                new RawBsonDocument(EVERY_KIND, new DocumentCodec()).getByteBuffer().remaining());

        assertThat(DocumentBytes.encode(EVERY_KIND)).isEqualTo(driver);
    }

    @Test
    void aDocumentReadsBackAsTheDriverReadsIt() {
        byte[] bytes = DocumentBytes.encode(EVERY_KIND);

        assertThat(DocumentBytes.decode(bytes)).isEqualTo(EVERY_KIND)
                .isEqualTo(new DocumentCodec().decode(new org.bson.BsonBinaryReader(ByteBuffer.wrap(bytes)),
                        org.bson.codecs.DecoderContext.builder().build()));
    }

    @Test
    void aValueOfAnotherKindIsLeftToTheDriversCodecs() {
        ObjectId id = new ObjectId();

        assertThat(DocumentBytes.decode(DocumentBytes.encode(new Document("_id", "o").append("other", id))).get("other")).isEqualTo(id);
    }
}
