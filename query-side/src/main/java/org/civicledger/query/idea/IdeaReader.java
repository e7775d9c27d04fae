package org.civicledger.query.idea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.consultation.ConsultationReader;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.readmodel.ReadStore;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.stereotype.Component;

/**
 * Reads an idea as the public sees it ({@link IdeaView}) from its document, which {@link IdeaProjection} keeps
 * with everything its page shows; the bench opinions given about it come from the consultations about it
 * ({@link ConsultationReader}). Texts are opened as they are read: one whose key was destroyed is withheld.
 */
@Component
public class IdeaReader {

    private final ReadStore store;
    private final ConsultationReader consultations;
    private final TextVault texts;

    public IdeaReader(ReadStore store, ConsultationReader consultations, TextVault texts) {
        this.store = store;
        this.consultations = consultations;
        this.texts = texts;
    }

    public Optional<IdeaView> find(String ideaId) {
        return Optional.ofNullable(store.find(IdeaProjection.IDEAS, ideaId)).map(this::view);
    }

    /** The ideas with these ids as stored (null for those not known): for reads that show a few of their fields. */
    public Map<String, Document> documents(List<String> ideaIds) {
        return store.find(IdeaProjection.IDEAS, ideaIds);
    }

    private IdeaView view(Document d) {
        boolean hidden = d.getBoolean("hidden", false);
        Document action = d.get("action", Document.class);
        Document response = d.get("response", Document.class);
        Document progress = d.get("progress", Document.class);
        Document moderation = d.get("moderation", Document.class);
        List<Document> validations = d.getList("validations", Document.class, List.of());
        List<Document> sealed = new ArrayList<>();
        if (!hidden) {
            sealed.add(d.get("title", Document.class));
            sealed.add(d.get("description", Document.class));
        }
        validations.forEach(v -> sealed.add(v.get("reason", Document.class)));
        for (Document part : Arrays.asList(action, response, progress, moderation)) {
            if (part != null) {
                part.values().stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(sealed::add);
            }
        }
        SealedDocuments.Opened opened = SealedDocuments.open(texts, sealed);
        Disclosure disclosure = new Disclosure(Disclosure.Rule.EXACT);
        Document title = d.get("title", Document.class);
        Document description = d.get("description", Document.class);
        Map<String, String> withheld = new TreeMap<>();
        if (hidden) {
            withheld.put("title", "HIDDEN");
            withheld.put("description", "HIDDEN");
        } else {
            Optional.ofNullable(opened.withheld(title)).ifPresent(why -> withheld.put("title", why));
            Optional.ofNullable(opened.withheld(description)).ifPresent(why -> withheld.put("description", why));
        }
        String id = d.getString("_id");
        return new IdeaView(
                id,
                d.getString("municipalityId"),
                d.getString("localCommunity"),
                d.getString("topic"),
                hidden ? null : opened.text(title),
                hidden ? null : opened.text(description),
                d.getString("language"),
                d.getString("channel"),
                d.getString("status"),
                d.getInteger("ideaVersion", 1),
                d.getDate("submittedAt").toInstant(),
                new IdeaView.Votes(disclosure.count("/votes/identified", d.get("votes", Number.class).longValue()),
                        disclosure.count("/votes/anonymousOpinions", consultations.anonymousOpinionsAbout(id))),
                validations.stream()
                        .map(v -> new IdeaView.Validation(v.getString("csoId"), v.getString("decision"),
                                opened.text(v.get("reason", Document.class)), v.getInteger("ideaVersion", 1),
                                v.getBoolean("current", false), v.getDate("at").toInstant()))
                        .toList(),
                action == null ? null : new IdeaView.Action(action.getString("csoId"), action.getString("kind"),
                        opened.text(action.get("description", Document.class)), action.getDate("at").toInstant()),
                response == null ? null : new IdeaView.Response(response.getString("decision"),
                        opened.text(response.get("rationale", Document.class)), response.getString("department"),
                        response.getDate("at").toInstant()),
                progress == null ? null : new IdeaView.Progress(progress.getInteger("percent"),
                        opened.text(progress.get("note", Document.class)), progress.getDate("at").toInstant()),
                moderation == null ? null : new IdeaView.Moderation(moderation.getBoolean("hidden"),
                        opened.text(moderation.get("reason", Document.class)), moderation.getDate("at").toInstant()),
                withheld,
                disclosure.marker());
    }

    /** Whether moderation hides the idea now (false for an idea not known here). */
    public boolean hidden(String ideaId) {
        Document idea = store.find(IdeaProjection.IDEAS, ideaId);
        return idea != null && idea.getBoolean("hidden", false);
    }

    /** Every idea as the public sees it, oldest first: for the open-data export (a whole-collection answer). */
    public void forEachIdea(java.util.function.Consumer<IdeaView> each) {
        List<Map.Entry<Long, String>> order = new ArrayList<>();
        store.forEach(IdeaProjection.IDEAS, d -> order.add(Map.entry(d.getDate("submittedAt").getTime(), d.getString("_id"))));
        order.sort(Map.Entry.<Long, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        for (int from = 0; from < order.size(); from += 500) {
            List<String> ids = order.subList(from, Math.min(order.size(), from + 500)).stream().map(Map.Entry::getValue).toList();
            store.inOrder(IdeaProjection.IDEAS, ids).forEach(d -> each.accept(view(d)));
        }
    }
}
