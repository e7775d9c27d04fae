package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Steps of the core flow over HTTP that several end-to-end tests take on the way to what they test. */
final class Journeys {

    private Journeys() {
    }

    /** The idea's votes as the read model counts them (its public page withholds a count from 1 to 4). */
    /** Until the read models have applied and written every event stored so far. */
    static void readModelsSettled(RunningSystem system) {
        org.civicledger.query.readmodel.ReadModels models = system.bean(org.civicledger.query.readmodel.ReadModels.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(models::settled);
    }

    static long countedVotes(RunningSystem system, String ideaId) {
        org.bson.Document idea = system.bean(org.civicledger.query.readmodel.ReadStore.class)
                .find(org.civicledger.query.idea.IdeaProjection.IDEAS, ideaId);
        return idea == null ? 0 : idea.get("votes", Number.class).longValue();
    }

    /** Every document of a read model's collection, in the generation readers use now. */
    static List<org.bson.Document> readModel(RunningSystem system, org.civicledger.query.readmodel.ReadCollection collection) {
        List<org.bson.Document> all = new java.util.ArrayList<>();
        system.bean(org.civicledger.query.readmodel.ReadStore.class).forEach(collection, all::add);
        return all;
    }

    /** The stream of a person's ballot on an idea: named by their pseudonym in the idea's context. */
    static String ballotStream(RunningSystem system, String ideaId, String subject) {
        return "ballot-" + ideaId + "-" + system.bean(org.civicledger.command.person.PersonSecrets.class).live(subject)
                .orElseThrow().in(org.civicledger.domain.idea.IdeaId.parse(ideaId)).value();
    }

    /** Why a public answer withholds the count at {@code pointer} (SMALL, SMALL_TOTAL, COMPLEMENT), or null. */
    static String withheld(tools.jackson.databind.JsonNode answer, String pointer) {
        tools.jackson.databind.JsonNode why = answer.at("/disclosure/withheld/" + pointer.replace("~", "~0").replace("/", "~1"));
        return why.isMissingNode() || why.isNull() ? null : why.asString();
    }

    static String submittedIdea(Api api, String citizen, String municipality) {
        Api.Reply reply = api.post("/api/v1/ideas", citizen, IdeaLoopEndToEndTest.idea(municipality));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json("ideaId").asString();
    }

    static String approvedCso(Api api, String name, String number, List<String> municipalities) {
        Api.Reply registered = api.post("/api/v1/csos", api.token("founder-" + number, "CITIZEN"), Map.of(
                "name", name, "registrationNumber", number, "municipalityIds", municipalities,
                "focusAreas", List.of("youth", "environment"), "contactEmail", "info@" + number + ".ba",
                "acceptsProtocol", true));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String csoId = registered.json("csoId").asString();
        assertThat(api.post("/api/v1/csos/" + csoId + "/approval", api.token("coordinator", "NETWORK_COORDINATOR"),
                Map.of()).status()).isEqualTo(204);
        return csoId;
    }

    /** Two CSOs' members, enough for the default quorum in the municipality. */
    static List<String> csoMembers(Api api, String municipality) {
        String a = approvedCso(api, "Udruženje A " + municipality, "A-" + municipality, List.of(municipality));
        String b = approvedCso(api, "Udruženje B " + municipality, "B-" + municipality, List.of(municipality));
        return List.of(api.token("member-a-" + municipality, List.of("CSO_MEMBER"), Map.of("csoId", a)),
                api.token("member-b-" + municipality, List.of("CSO_MEMBER"), Map.of("csoId", b)));
    }

    /** Endorsed by both members (validated) and forwarded as {@code kind}. */
    static void forward(Api api, String ideaId, List<String> members, String kind) {
        for (String member : members) {
            assertThat(api.post("/api/v1/ideas/" + ideaId + "/validations", member,
                    Map.of("decision", "ENDORSE", "reason", "Dobra ideja")).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/actions", members.get(0),
                Map.of("kind", kind, "description", "Prosljeđujemo općini")).status()).isEqualTo(201);
    }

    static void answer(Api api, String ideaId, String municipality, String decision) {
        String officer = api.token("officer-" + municipality, List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", municipality));
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/responses", officer, Map.of("decision", decision,
                "rationale", "Odluka općinskog vijeća", "department", "Služba za urbanizam")).status()).isEqualTo(201);
    }

    static void progress(Api api, String ideaId, String municipality, int percent) {
        String officer = api.token("officer-" + municipality, List.of("MUNICIPAL_OFFICER"), Map.of("municipalityId", municipality));
        assertThat(api.post("/api/v1/ideas/" + ideaId + "/progress", officer, Map.of("percent", percent)).status())
                .isEqualTo(201);
    }

    /** Registers {@code bench} (its public key) in {@code municipality} and puts it into service. */
    static void commission(Api api, SimulatedBench bench, String municipality) {
        register(api, bench, municipality);
        commission(api, bench.benchId);
    }

    /** Registers {@code bench} (its public key) in {@code municipality}; not yet in service. */
    static void register(Api api, SimulatedBench bench, String municipality) {
        register(api, bench.benchId, bench.publicKey(), municipality);
    }

    /** Registers the bench {@code benchId} with {@code publicKey} (raw Ed25519, base64) in {@code municipality}. */
    static void register(Api api, String benchId, String publicKey, String municipality) {
        assertThat(api.post("/api/v1/benches", api.token("admin", "ADMIN"), java.util.Map.of("benchId", benchId,
                "municipalityId", municipality, "location", java.util.Map.of("lat", 44.2, "lon", 17.9), "publicKey",
                publicKey)).status()).isEqualTo(201);
    }

    /** Puts a registered bench into service. */
    static void commission(Api api, String benchId) {
        assertThat(api.post("/api/v1/benches/" + benchId + "/commissioning", api.token("admin", "ADMIN"),
                java.util.Map.of()).status()).isEqualTo(204);
    }

    /**
     * An officer of {@code municipality} opens a consultation now, closing after {@code open}, with
     * {@code options} (option id to label, in {@code language}); answers its id.
     */
    static String openConsultation(Api api, String municipality, String language, String question, Duration open,
                                   java.util.Map<String, String> options) {
        String officer = api.token("officer-" + municipality, List.of("MUNICIPAL_OFFICER"),
                java.util.Map.of("municipalityId", municipality));
        return api.post("/api/v1/consultations", officer, java.util.Map.of(
                "question", java.util.Map.of(language, question),
                "options", options.entrySet().stream().map(o -> java.util.Map.of("optionId", o.getKey(),
                        "label", java.util.Map.of(language, o.getValue()))).toList(),
                "closesAt", java.time.Instant.now().plus(open).toString())).json("consultationId").asString();
    }
}
