package org.civicledger.query.consultation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.consultation.ConsultationClosed;
import org.civicledger.domain.consultation.ConsultationConcluded;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.query.readmodel.Documents;
import org.civicledger.query.readmodel.Fact;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.Rank;
import org.civicledger.query.readmodel.ReadCollection;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code consultations}: each consultation with its question, options, window, conclusion and its results
 * per option — identified answers and anonymous bench opinions, apart. What the results are made of is kept in
 * {@code consultationResponses}: each answer (by the respondent's pseudonym in this consultation) and each bench
 * opinion (by its id), in {@value #RESPONSE_SHARES} shares with their counts; the consultation's results are the
 * sum of its shares' counts, copied from them, and written first ({@link Rank}).
 *
 * <p>Also the lists consultations are found by: per idea ({@code ideaConsultations}, so that an idea's page finds
 * the bench opinions given about it), and per municipality and month, and for the whole network per month
 * ({@code consultationIndex}), newest first.
 */
@Component
@Order(2)
public class ConsultationProjection implements Projection {

    public static final ReadCollection CONSULTATIONS = ReadCollection.of("consultations", Rank.VIEW);
    public static final ReadCollection RESPONSES = ReadCollection.of("consultationResponses", Rank.RECORD);
    public static final ReadCollection ABOUT_IDEAS = ReadCollection.of("ideaConsultations", Rank.VIEW);
    public static final ReadCollection INDEX = ReadCollection.of("consultationIndex", Rank.VIEW);
    /** The scope of the index that holds every municipality's consultations. */
    public static final String NETWORK = "*";
    static final int RESPONSE_SHARES = 16;

    @Override
    public Set<Class<?>> handles() {
        return Set.of(ConsultationOpened.class, ConsultationClosed.class, ConsultationConcluded.class,
                ConsultationAnswered.class, BenchOpinionGiven.class);
    }

    @Override
    public void apply(Fact fact, Documents documents) {
        Object event = fact.payload();
        if (event instanceof ConsultationOpened opened) {
            opened(documents, opened, fact);
        } else if (event instanceof ConsultationAnswered answered) {
            response(documents, answered.consultationId(), "answers", answerMark(answered.respondentPseudonym()),
                    answered.optionId(), "identified");
        } else if (event instanceof BenchOpinionGiven opinion) {
            response(documents, opinion.consultationId(), "opinions", opinion.opinionId(), opinion.optionId(), "anonymous");
        } else {
            Document consultation = documents.find(CONSULTATIONS, org.civicledger.query.readmodel.FactKeys.keyOf(fact.payload()));
            if (consultation == null || consultation.get("version", Number.class).longValue() >= fact.sequence()) {
                return;
            }
            if (event instanceof ConsultationClosed) {
                consultation.put("closed", true);
            } else if (event instanceof ConsultationConcluded concluded) {
                consultation.put("conclusion", SealedDocuments.of(concluded.conclusion()));
            }
            consultation.put("version", fact.sequence());
            documents.changed(CONSULTATIONS, consultation);
        }
    }

    private static void opened(Documents documents, ConsultationOpened event, Fact fact) {
        if (documents.find(CONSULTATIONS, event.consultationId()) == null) {
            documents.findOrMake(CONSULTATIONS, event.consultationId())
                    .append("version", fact.sequence())
                    .append("municipalityId", event.municipalityId())
                    .append("ideaId", event.ideaId())
                    .append("question", SealedDocuments.of(event.question()))
                    .append("options", event.options().stream().map(o -> new Document("optionId", o.optionId())
                            .append("label", SealedDocuments.of(o.label()))).toList())
                    .append("opensAt", Date.from(event.opensAt()))
                    .append("closesAt", Date.from(event.closesAt()))
                    .append("closed", false)
                    .append("identified", new Document())
                    .append("anonymous", new Document())
                    .append("responseShares", new Document());
        }
        if (event.ideaId() != null) {
            listed(documents, ABOUT_IDEAS, documents.share(event.ideaId()), event.consultationId(), true);
        }
        String month = month(event.opensAt());
        for (String scope : new String[] {event.municipalityId(), NETWORK}) {
            listed(documents, INDEX, documents.share(scope + "/" + month), event.consultationId(), event.opensAt().toEpochMilli());
            listed(documents, INDEX, documents.share(scope + "/months"), month, true);
        }
    }

    /** Adds {@code key} to the list document {@code id} (field {@code c}), unless it is there. */
    private static void listed(Documents documents, ReadCollection collection, String id, String key, Object value) {
        Document list = documents.findOrMake(collection, id);
        Document entries = list.get("c", Document.class);
        if (entries == null) {
            entries = new Document();
            list.put("c", entries);
        }
        if (!entries.containsKey(key)) {
            entries.put(key, value);
            documents.changed(collection, list);
        }
    }

    /** One response ({@code kind}: answers or opinions) counted once, by its {@code key}, in the consultation's results. */
    private static void response(Documents documents, String consultationId, String kind, String key, String optionId,
                                 String results) {
        Document consultation = documents.find(CONSULTATIONS, consultationId);
        if (consultation == null) { // a consultation is stored before its answers and comes first in the pass
            throw new IllegalStateException("A response to consultation " + consultationId + ", which the read models do not know");
        }
        String share = Integer.toString(Math.floorMod(key.hashCode(), RESPONSE_SHARES));
        Document responses = documents.findOrMake(RESPONSES, consultationId + ":" + share);
        Document given = responses.get(kind, Document.class);
        if (given == null) {
            given = new Document();
            responses.put(kind, given);
        }
        if (given.containsKey(key)) {
            return;
        }
        given.put(key, optionId);
        Document counts = responses.get(results, Document.class);
        if (counts == null) {
            counts = new Document();
            responses.put(results, counts);
        }
        counts.put(optionId, counts.get(optionId, 0L) + 1);
        documents.changed(RESPONSES, responses);

        Document shares = consultation.get("responseShares", Document.class);
        Document shareCounts = shares.get(share, Document.class);
        if (shareCounts == null) {
            shareCounts = new Document();
            shares.put(share, shareCounts);
        }
        shareCounts.put(results, new Document(counts));
        Document total = new Document();
        for (Object each : shares.values()) {
            Document part = ((Document) each).get(results, Document.class);
            if (part != null) {
                part.forEach((option, n) -> total.put(option, total.get(option, 0L) + ((Number) n).longValue()));
            }
        }
        consultation.put(results, total);
        documents.changed(CONSULTATIONS, consultation);
    }

    /** Whether this respondent's answer to the consultation is counted already (for projections that follow answers). */
    public static boolean answered(Documents documents, String consultationId, String respondent) {
        return responded(documents, consultationId, "answers", answerMark(respondent));
    }

    public static boolean opinionGiven(Documents documents, String consultationId, String opinionId) {
        return responded(documents, consultationId, "opinions", opinionId);
    }

    private static boolean responded(Documents documents, String consultationId, String kind, String key) {
        String share = Integer.toString(Math.floorMod(key.hashCode(), RESPONSE_SHARES));
        Document responses = documents.find(RESPONSES, consultationId + ":" + share);
        Document given = responses == null ? null : responses.get(kind, Document.class);
        return given != null && given.containsKey(key);
    }

    private static String answerMark(String respondent) {
        return org.civicledger.query.idea.IdeaProjection.markOfPseudonym(respondent);
    }

    static String month(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }
}
