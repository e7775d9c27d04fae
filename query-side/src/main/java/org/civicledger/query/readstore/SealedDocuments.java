package org.civicledger.query.readstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;

/**
 * Texts as the read models keep them: sealed, as the events carry them ({@code {k, s, d}}, or
 * {@code {p}} for a plain text from before sealing), and opened only when a read answers. A read model
 * therefore never holds a text that erasing its writer or a redaction has destroyed: the key is gone, so
 * the next read finds it withheld, on every instance, without any update to the document.
 */
public final class SealedDocuments {

    private SealedDocuments() {
    }

    /** The document of a sealed text, or null. */
    public static Document of(SealedText text) {
        if (text == null) {
            return null;
        }
        return text.unsealed() ? new Document("p", text.plain())
                : new Document("k", text.key()).append("s", text.sealed()).append("d", text.digest());
    }

    /** The sealed text a document holds, or null. */
    public static SealedText text(Document document) {
        if (document == null) {
            return null;
        }
        String plain = document.getString("p");
        return plain != null ? SealedText.plain(plain)
                : SealedText.sealed(document.getString("k"), document.getString("s"), document.getString("d"));
    }

    /** The texts of one read, opened together: one trip to the key store for all the keys not at hand. */
    public static Opened open(TextVault vault, Collection<Document> sealed) {
        List<SealedText> texts = new ArrayList<>();
        sealed.forEach(d -> {
            SealedText text = text(d);
            if (text != null) {
                texts.add(text);
            }
        });
        return new Opened(texts.isEmpty() ? Map.of() : vault.openAll(texts));
    }

    /** Opened texts, looked up by the document that holds each sealed. */
    public record Opened(Map<SealedText, OpenedText> texts) {

        /** The text, or null when there is none or it is withheld. */
        public String text(Document sealed) {
            OpenedText opened = opened(sealed);
            return opened == null ? null : opened.text();
        }

        /** Why the text is withheld (REDACTED, ERASED), or null when it is not (or there is none). */
        public String withheld(Document sealed) {
            OpenedText opened = opened(sealed);
            return opened == null || opened.withheld() == null ? null : opened.withheld().name();
        }

        public OpenedText opened(Document sealed) {
            SealedText text = SealedDocuments.text(sealed);
            return text == null ? null : texts.get(text);
        }
    }
}
