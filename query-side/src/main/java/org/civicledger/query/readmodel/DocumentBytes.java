package org.civicledger.query.readmodel;

import com.mongodb.MongoClientSettings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.BsonTypeClassMap;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;

/**
 * A read model's document as BSON bytes and back, the same bytes the MongoDB driver writes for it, written
 * directly for the values read models hold (documents, lists, strings, numbers, booleans, dates, null): the
 * driver's {@code DocumentCodec} looks a codec up in its registry for every value, which made encoding most of
 * a rebuild's cost. Any other value is left to the driver's default codecs.
 */
final class DocumentBytes {

    private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();
    private static final EncoderContext ENCODING = EncoderContext.builder().build();
    private static final DecoderContext DECODING = DecoderContext.builder().build();
    private static final BsonTypeClassMap TYPES = new BsonTypeClassMap();

    static byte[] encode(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(1024);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            Object id = document.get("_id");
            if (id != null) { // first, as the driver writes it
                writer.writeName("_id");
                writeValue(writer, id);
            }
            writeFields(writer, document, id != null);
            writer.writeEndDocument();
        }
        return buffer.toByteArray();
    }

    /** The revision a stored document carries ({@code _rev}), read without decoding the rest; -1 if none. */
    static long revisionOf(byte[] bson) {
        org.bson.BsonValue revision = new org.bson.RawBsonDocument(bson).get(DocumentStore.REVISION);
        return revision instanceof org.bson.BsonNumber number ? number.longValue() : -1;
    }

    static Document decode(byte[] bson) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bson))) {
            return readDocument(reader);
        }
    }

    private static void writeDocument(BsonWriter writer, Map<?, ?> document) {
        writer.writeStartDocument();
        writeFields(writer, document, false);
        writer.writeEndDocument();
    }

    private static void writeFields(BsonWriter writer, Map<?, ?> document, boolean idWritten) {
        for (Map.Entry<?, ?> field : document.entrySet()) {
            String name = String.valueOf(field.getKey());
            if (idWritten && name.equals("_id")) {
                continue;
            }
            writer.writeName(name);
            writeValue(writer, field.getValue());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void writeValue(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Double number) {
            writer.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            writer.writeBoolean(flag);
        } else if (value instanceof Date date) {
            writer.writeDateTime(date.getTime());
        } else if (value instanceof Map<?, ?> map) {
            writeDocument(writer, map);
        } else if (value instanceof Collection<?> list) {
            writer.writeStartArray();
            for (Object element : list) {
                writeValue(writer, element);
            }
            writer.writeEndArray();
        } else {
            Codec codec = CODECS.get(value.getClass());
            codec.encode(writer, value, ENCODING);
        }
    }

    private static Document readDocument(BsonReader reader) {
        Document document = new Document();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            document.put(name, readValue(reader));
        }
        reader.readEndDocument();
        return document;
    }

    private static Object readValue(BsonReader reader) {
        switch (reader.getCurrentBsonType()) {
            case STRING:
                return reader.readString();
            case INT32:
                return reader.readInt32();
            case INT64:
                return reader.readInt64();
            case DOUBLE:
                return reader.readDouble();
            case BOOLEAN:
                return reader.readBoolean();
            case DATE_TIME:
                return new Date(reader.readDateTime());
            case NULL:
                reader.readNull();
                return null;
            case DOCUMENT:
                return readDocument(reader);
            case ARRAY:
                List<Object> list = new ArrayList<>();
                reader.readStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    list.add(readValue(reader));
                }
                reader.readEndArray();
                return list;
            default:
                // any other type: what the driver's Document codec makes of it
                return CODECS.get(TYPES.get(reader.getCurrentBsonType())).decode(reader, DECODING);
        }
    }
}
