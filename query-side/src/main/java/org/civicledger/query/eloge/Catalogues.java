package org.civicledger.query.eloge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every ELoGE catalogue on the classpath ({@code eloge/catalogue-*.json}). A new catalogue, such as
 * the 2023 one of CM/Rec(2023)5, is a new file beside the others: no code changes, as long as its
 * indicators name metrics that {@link Metrics} knows. A catalogue naming an unknown metric is refused
 * at start.
 */
@Component
public class Catalogues {

    private final TreeMap<String, Catalogue> byVersion = new TreeMap<>();

    public Catalogues(Metrics metrics) {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:eloge/catalogue-*.json")) {
                try (InputStream in = file.getInputStream()) {
                    Catalogue catalogue = json.readValue(in, Catalogue.class);
                    catalogue.principles().forEach(p -> p.indicators().forEach(i -> {
                        if (!metrics.knows(i.metric())) {
                            throw new IllegalStateException("ELoGE catalogue " + catalogue.version() + " names unknown metric "
                                    + i.metric() + " (indicator " + i.id() + ")");
                        }
                    }));
                    byVersion.put(catalogue.version(), catalogue);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ELoGE catalogues", e);
        }
        if (byVersion.isEmpty()) {
            throw new IllegalStateException("No ELoGE catalogue (eloge/catalogue-*.json) is on the classpath");
        }
    }

    public Optional<Catalogue> version(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** The newest catalogue, the default for views. */
    public Catalogue latest() {
        return byVersion.lastEntry().getValue();
    }

    public java.util.Set<String> versions() {
        return byVersion.keySet();
    }
}
