package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Marker personal data is planted — a person's name, e-mail and subject, valid and invalid — and every
 * output is scanned for it: everything logged meanwhile, the public transparency log, every open-data
 * export, and the answers to requests that fail. The markers may only be where they belong: in the
 * person's own encrypted record, readable by that person.
 */
class PersonalDataLeakEndToEndTest extends SharedSystemTest {

    private static final String NAME = "Markerko Tajnović";
    private static final String EMAIL = "markerko.tajnovic@pii-marker.example";
    private static final String SUBJECT = "subject-pii-marker-7731";
    private static final List<String> MARKERS = List.of("Markerko", "Tajnovi", "pii-marker");

    @Test
    void plantedPersonalDataAppearsInNoLogNoPublicLogNoExportAndNoErrorMessage() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        List<String> answers = new ArrayList<>();
        try {
            String token = api.token(SUBJECT, "CITIZEN");
            Map<String, Object> person = new HashMap<>(Map.of("name", NAME, "email", EMAIL, "gender", "FEMALE",
                    "ageBand", "25_34", "localCommunity", "Donja Mahala"));
            assertThat(api.put("/api/v1/people/me/personal-data", token, person).status()).isEqualTo(204);
            String idea = Journeys.submittedIdea(api, token, "mostar");
            assertThat(api.post("/api/v1/ideas/" + idea + "/votes", token, Map.of()).status()).isEqualTo(201);

            // failing requests that carry the markers: their answers must not repeat them
            person.put("email", "not-an-email-" + EMAIL.replace("@", " at "));
            answers.add(api.put("/api/v1/people/me/personal-data", token, person).toString());
            person.put("name", NAME + "x".repeat(500));
            answers.add(api.put("/api/v1/people/me/personal-data", token, person).toString());
            answers.add(api.post("/api/v1/ideas/" + idea + "/votes", token, Map.of()).toString()); // voted already
            answers.add(api.delete("/api/v1/people/" + SUBJECT + "/personal-data", token).toString()); // not theirs
            answers.add(api.get("/api/v1/people/me/personal-data", api.token("someone-else", "CITIZEN")).toString());

            // the public transparency log, once it holds every event
            long events = StoredEvents.count(system, e -> true);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.raw("/api/v1/transparency/entries?start=0&end=" + events)
                    .statusCode() == 200);
            answers.add(api.raw("/api/v1/transparency/entries?start=0&end=" + events).body());
            for (String dataset : List.of("ideas", "dashboards", "consultation-results")) {
                for (String format : List.of("jsonl", "csv")) {
                    var export = api.raw("/api/v1/export/" + dataset + "?format=" + format);
                    assertThat(export.statusCode()).isEqualTo(200);
                    answers.add(export.body());
                }
            }
            // the control: the person's own record does hold them, so the markers were really planted
            assertThat(api.get("/api/v1/people/me/personal-data", token).body().toString()).contains(NAME, EMAIL);
        } finally {
            root.detachAppender(logged);
        }

        List<String> outputs = new ArrayList<>(answers);
        logged.list.forEach(event -> {
            outputs.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                outputs.add(event.getThrowableProxy().getMessage());
            }
        });
        for (String output : outputs) {
            for (String marker : MARKERS) {
                assertThat(output).as("an output holds '%s'", marker).doesNotContain(marker);
            }
        }
        System.out.printf("personal data scan: %d answers and exports, %d log lines, no marker%n", answers.size(),
                logged.list.size());
    }
}
