package org.civicledger.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.query.consultation.ConsultationReader;
import org.civicledger.query.consultation.ConsultationView;
import org.civicledger.query.dashboard.DashboardReader;
import org.civicledger.query.idea.IdeaReader;
import org.civicledger.query.municipality.MunicipalityReader;
import org.civicledger.query.municipality.MunicipalityView;
import org.civicledger.query.readstore.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Open data ({@code GET /api/v1/export/{dataset}?format=jsonl|csv}), streamed row by row from the
 * public read models: ideas, municipal dashboards, consultation results. The rows are the public
 * views, so personal data is never in them: no pseudonyms, no demographics of anyone.
 */
@RestController
class OpenData {

    static final List<String> DATASETS = List.of("ideas", "dashboards", "consultation-results");

    private final IdeaReader ideas;
    private final MunicipalityReader municipalities;
    private final DashboardReader dashboards;
    private final ConsultationReader consultations;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CsvMapper csv = CsvMapper.builder().build();

    OpenData(IdeaReader ideas, MunicipalityReader municipalities, DashboardReader dashboards,
             ConsultationReader consultations) {
        this.ideas = ideas;
        this.municipalities = municipalities;
        this.dashboards = dashboards;
        this.consultations = consultations;
    }

    @GetMapping("/api/v1/export/{dataset}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String dataset,
                                                 @RequestParam(defaultValue = "jsonl") String format) {
        if (!DATASETS.contains(dataset)) {
            throw new InvalidField("dataset", "must be one of " + DATASETS);
        }
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new InvalidField("format", "must be jsonl or csv");
        }
        boolean asCsv = format.equals("csv");
        StreamingResponseBody body = out -> write(dataset, asCsv, out);
        return ResponseEntity.ok()
                .contentType(asCsv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"civic-ledger-" + dataset + "." + format + "\"")
                .body(body);
    }

    private void write(String dataset, boolean asCsv, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> columns = new ArrayList<>();
        Consumer<Map<String, Object>> row = values -> {
            try {
                if (!asCsv) {
                    writer.write(json.writeValueAsString(values));
                    writer.write('\n');
                    return;
                }
                if (columns.isEmpty()) {
                    columns.addAll(values.keySet());
                    writer.write(csv.writer(header(columns)).writeValueAsString(values));
                } else {
                    writer.write(csv.writer(plain(columns)).writeValueAsString(values));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        switch (dataset) {
            case "ideas" -> ideaRows(row);
            case "dashboards" -> dashboardRows(row);
            default -> consultationRows(row);
        }
        writer.flush();
    }

    private void ideaRows(Consumer<Map<String, Object>> row) {
        ideas.forEachIdea(idea -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("ideaId", idea.ideaId());
            values.put("municipalityId", idea.municipalityId());
            values.put("localCommunity", idea.localCommunity());
            values.put("topic", idea.topic());
            values.put("title", idea.title());
            values.put("description", idea.description());
            values.put("language", idea.language());
            values.put("channel", idea.channel());
            values.put("status", idea.status());
            values.put("version", idea.version());
            values.put("submittedAt", idea.submittedAt().toString());
            values.put("identifiedVotes", idea.votes().identified());
            values.put("anonymousBenchOpinions", idea.votes().anonymousOpinions());
            values.put("actionKind", idea.action() == null ? null : idea.action().kind());
            values.put("answer", idea.response() == null ? null : idea.response().decision());
            values.put("department", idea.response() == null ? null : idea.response().department());
            values.put("progress", idea.progress() == null ? null : idea.progress().percent());
            values.put("hidden", idea.moderation() != null && idea.moderation().hidden());
            row.accept(values);
        });
    }

    private void dashboardRows(Consumer<Map<String, Object>> row) {
        for (MunicipalityView municipality : municipalities.list(Page.EVERYTHING)) {
            dashboards.municipal(municipality.municipalityId(), null, null).ifPresent(d -> {
                        Map<String, Object> values = new LinkedHashMap<>();
                        values.put("municipalityId", d.municipalityId());
                        values.put("name", d.name());
                        values.put("ideas", d.ideas().total());
                        values.put("identifiedVotes", d.support().identifiedVotes());
                        values.put("anonymousBenchOpinions", d.support().anonymousBenchOpinions());
                        values.put("forwarded", d.responsiveness().forwarded());
                        values.put("answered", d.responsiveness().answered());
                        values.put("medianDaysToAnswer", d.responsiveness().medianDaysToAnswer());
                        values.put("p90DaysToAnswer", d.responsiveness().p90DaysToAnswer());
                        values.put("answeredWithin30DaysShare", d.responsiveness().answeredWithin30DaysShare());
                        values.put("accepted", d.accountability().accepted());
                        values.put("completed", d.accountability().completed());
                        values.put("participationActs", d.participation().acts());
                        values.put("withheld", String.join(" ", d.disclosure().withheld().keySet()));
                        values.put("consultations", d.consultationsOpened());
                        row.accept(values);
                    });
        }
    }

    private void consultationRows(Consumer<Map<String, Object>> row) {
        for (ConsultationView consultation : consultations.list(null, Page.EVERYTHING)) {
            for (ConsultationView.OptionResult option : consultation.options()) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("consultationId", consultation.consultationId());
                values.put("municipalityId", consultation.municipalityId());
                values.put("ideaId", consultation.ideaId());
                values.put("question", String.join(" / ", consultation.question().values()));
                values.put("status", consultation.status());
                values.put("optionId", option.optionId());
                values.put("option", String.join(" / ", option.label().values()));
                values.put("identifiedAnswers", option.identified());
                values.put("anonymousOpinions", option.anonymous());
                values.put("conclusion", consultation.conclusion());
                row.accept(values);
            }
        }
    }

    private static CsvSchema header(List<String> columns) {
        return plain(columns).withHeader();
    }

    private static CsvSchema plain(List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return schema.build().withoutHeader();
    }
}
