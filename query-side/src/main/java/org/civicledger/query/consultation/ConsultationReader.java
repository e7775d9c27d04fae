package org.civicledger.query.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.consultation.ConsultationView.OptionResult;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.readmodel.ReadStore;
import org.civicledger.query.readstore.Page;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.stereotype.Component;

/**
 * Reads consultations as the public sees them, from the documents {@link ConsultationProjection} keeps: one by
 * its id; a page of a municipality's (or the network's) newest first, month by month; the bench opinions given
 * about an idea.
 */
@Component
public class ConsultationReader {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final ReadStore store;
    private final TextVault texts;
    private final Clock clock;

    public ConsultationReader(ReadStore store, TextVault texts, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    public Optional<ConsultationView> find(String consultationId) {
        return Optional.ofNullable(store.find(ConsultationProjection.CONSULTATIONS, consultationId)).map(this::view);
    }

    /** The consultations with these ids, in the order given (those known). */
    public List<ConsultationView> find(List<String> consultationIds) {
        return store.inOrder(ConsultationProjection.CONSULTATIONS, consultationIds).stream().map(this::view).toList();
    }

    /**
     * One page of the consultations a municipality opened (the network's when null), newest first: the months it
     * opened consultations in, newest first, read until the page is full.
     */
    public List<ConsultationView> list(String municipalityId, Page page) {
        String scope = municipalityId == null ? ConsultationProjection.NETWORK : municipalityId;
        TreeSet<String> months = new TreeSet<>(Comparator.reverseOrder());
        for (Document share : store.shares(ConsultationProjection.INDEX, scope + "/months")) {
            months.addAll(share.get("c", Document.class).keySet());
        }
        long wanted = (long) page.offset() + page.fetch();
        List<Map.Entry<String, Long>> listed = new ArrayList<>();
        List<String> remaining = new ArrayList<>(months);
        while (listed.size() < wanted && !remaining.isEmpty()) {
            List<String> next = remaining.subList(0, Math.min(6, remaining.size()));
            List<String> ids = next.stream().map(month -> scope + "/" + month).toList();
            List<Map.Entry<String, Long>> some = new ArrayList<>();
            store.shares(ConsultationProjection.INDEX, ids).values().forEach(share -> share.get("c", Document.class)
                    .forEach((id, opensAt) -> some.add(Map.entry(id, ((Number) opensAt).longValue()))));
            some.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            listed.addAll(some);
            next.clear();
        }
        int from = Math.min(page.offset(), listed.size());
        List<String> ids = listed.subList(from, (int) Math.min(listed.size(), wanted)).stream().map(Map.Entry::getKey).toList();
        return find(ids);
    }

    /** Anonymous bench opinions given in consultations about this idea: the idea's "bench opinions". */
    public long anonymousOpinionsAbout(String ideaId) {
        List<String> about = new ArrayList<>();
        for (Document share : store.shares(ConsultationProjection.ABOUT_IDEAS, ideaId)) {
            about.addAll(share.get("c", Document.class).keySet());
        }
        if (about.isEmpty()) {
            return 0;
        }
        long opinions = 0;
        for (Document consultation : store.find(ConsultationProjection.CONSULTATIONS, about).values()) {
            opinions += sum(consultation.get("anonymous", Document.class));
        }
        return opinions;
    }

    private ConsultationView view(Document d) {
        String id = d.getString("_id");
        Map<String, Long> identified = counts(d.get("identified", Document.class));
        Map<String, Long> anonymous = counts(d.get("anonymous", Document.class));
        List<Document> sealed = new ArrayList<>(List.of(d.get("question", Document.class)));
        d.getList("options", Document.class).forEach(o -> sealed.add(o.get("label", Document.class)));
        if (d.get("conclusion") != null) {
            sealed.add(d.get("conclusion", Document.class));
        }
        SealedDocuments.Opened opened = SealedDocuments.open(texts, sealed);
        Disclosure disclosure = new Disclosure(Disclosure.Rule.EXACT);
        Map<String, Long> identifiedByOption = new LinkedHashMap<>();
        Map<String, Long> anonymousByOption = new LinkedHashMap<>();
        d.getList("options", Document.class).forEach(o -> {
            identifiedByOption.put(o.getString("optionId"), identified.getOrDefault(o.getString("optionId"), 0L));
            anonymousByOption.put(o.getString("optionId"), anonymous.getOrDefault(o.getString("optionId"), 0L));
        });
        List<String> order = new ArrayList<>(identifiedByOption.keySet());
        Map<String, Long> identifiedShown = disclosure.table(identifiedByOption,
                option -> "/options/" + order.indexOf(option) + "/identified");
        Map<String, Long> anonymousShown = disclosure.table(anonymousByOption,
                option -> "/options/" + order.indexOf(option) + "/anonymous");
        List<OptionResult> options = d.getList("options", Document.class).stream()
                .map(o -> new OptionResult(o.getString("optionId"), labels(opened.text(o.get("label", Document.class))),
                        identifiedShown.get(o.getString("optionId")), anonymousShown.get(o.getString("optionId"))))
                .toList();
        Instant opensAt = d.getDate("opensAt").toInstant();
        Instant closesAt = d.getDate("closesAt").toInstant();
        Instant now = clock.instant();
        String status = d.getBoolean("closed") || !now.isBefore(closesAt) ? "CLOSED"
                : now.isBefore(opensAt) ? "NOT_YET_OPEN" : "OPEN";
        Long identifiedAnswers = disclosure.count("/identifiedAnswers",
                identifiedByOption.values().stream().mapToLong(Long::longValue).sum());
        Long anonymousOpinions = disclosure.count("/anonymousOpinions",
                anonymousByOption.values().stream().mapToLong(Long::longValue).sum());
        return new ConsultationView(id, d.getString("municipalityId"), d.getString("ideaId"),
                labels(opened.text(d.get("question", Document.class))), options, opensAt, closesAt, status,
                opened.text(d.get("conclusion", Document.class)), identifiedAnswers, anonymousOpinions,
                disclosure.marker());
    }

    private static Map<String, Long> counts(Document stored) {
        Map<String, Long> counts = new TreeMap<>();
        if (stored != null) {
            stored.forEach((option, n) -> counts.put(option, ((Number) n).longValue()));
        }
        return counts;
    }

    private static long sum(Document stored) {
        return stored == null ? 0 : stored.values().stream().mapToLong(n -> ((Number) n).longValue()).sum();
    }

    /** A text by language, sealed as one JSON object; empty when it is withheld. */
    public static Map<String, String> labels(String json) {
        Map<String, String> labels = new TreeMap<>();
        if (json != null) {
            JSON.readTree(json).properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        }
        return labels;
    }
}
