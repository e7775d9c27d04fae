package org.civicledger.command.eventstore;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.civicledger.domain.consultation.MultilingualText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upcasts revision 1 of every event that carried free text in clear to revision 2, where each text is a
 * {@code SealedText}: the stored string becomes {@code {"plain": "…"}} (a text from before sealing, which
 * can be withheld but never destroyed), a text by language becomes its JSON object as one plain text.
 * The stored event is not touched; this runs each time it is read. The one home of the event upcasters:
 * each event type and the paths of its texts are listed here.
 */
public class TextsSealed extends SingleEventUpcaster {

    private static final String DOMAIN = "org.civicledger.domain.";

    /** Event type (after the domain package) and the paths of its texts; {@code []} walks an array. */
    static final Map<String, List<String>> TEXTS = Map.ofEntries(
            Map.entry("idea.IdeaSubmitted", List.of("title", "description")),
            Map.entry("idea.IdeaAmended", List.of("title", "description")),
            Map.entry("idea.CsoValidationRecorded", List.of("reason")),
            Map.entry("idea.ActionForwarded", List.of("description")),
            Map.entry("idea.IdeaAnswered", List.of("rationale")),
            Map.entry("idea.ProgressReported", List.of("note")),
            Map.entry("idea.IdeaHidden", List.of("reason")),
            Map.entry("idea.IdeaRestored", List.of("reason")),
            Map.entry("consultation.ConsultationOpened", List.of("question", "options[].label")),
            Map.entry("consultation.ConsultationConcluded", List.of("conclusion")),
            Map.entry("cso.CsoRegistered", List.of("contactEmail")),
            Map.entry("cso.CsoRejected", List.of("reason")),
            Map.entry("cso.CsoSuspended", List.of("reason")),
            Map.entry("cso.CsoReinstated", List.of("reason")),
            Map.entry("eloge.SelfAssessmentRecorded", List.of("scores[].evidence")),
            Map.entry("bench.BenchKeyRotated", List.of("reason")),
            Map.entry("bench.BenchDecommissioned", List.of("reason")));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return "1".equals(representation.getType().getRevision()) && type.startsWith(DOMAIN)
                && TEXTS.containsKey(type.substring(DOMAIN.length()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        List<String> paths = TEXTS.get(type.substring(DOMAIN.length()));
        return representation.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            paths.forEach(path -> seal(event, path.split("\\.")));
            return event;
        });
    }

    private static void seal(ObjectNode node, String[] path) {
        String step = path[0];
        if (step.endsWith("[]")) {
            JsonNode array = node.get(step.substring(0, step.length() - 2));
            if (array != null && array.isArray()) {
                String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
                array.forEach(element -> {
                    if (element instanceof ObjectNode object) {
                        seal(object, rest);
                    }
                });
            }
            return;
        }
        JsonNode value = node.get(step);
        if (value == null || value.isNull()) {
            return;
        }
        node.set(step, plain(value.isObject() ? byLanguage(value) : value.asString()));
    }

    private static String byLanguage(JsonNode texts) {
        Map<String, String> byLanguage = new TreeMap<>();
        texts.properties().forEach(e -> byLanguage.put(e.getKey(), e.getValue().asString()));
        return new MultilingualText(byLanguage).toJson();
    }

    private static ObjectNode plain(String text) {
        return JsonNodeFactory.instance.objectNode().put("plain", text);
    }
}
