package org.civicledger.domain.person;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an act tells the inclusion statistics of the person who did it: the gender, age band and
 * local community they had stated when they acted (each may be null). It travels sealed in the act's
 * event, under a key that erasing the person destroys; it is never an identifier.
 */
public record Profile(String gender, String ageBand, String localCommunity) {

    /** The profile of what a person recorded, or null when they stated nothing it uses. */
    public static Profile of(PersonalData data) {
        if (data == null || data.gender() == null && data.ageBand() == null && data.localCommunity() == null) {
            return null;
        }
        return new Profile(data.gender(), data.ageBand(), data.localCommunity());
    }

    /** {@code gender=…&ageBand=…&localCommunity=…}, form-encoded, the fields that are stated. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        fields().forEach((name, value) -> {
            if (value != null) {
                text.append(text.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }

    public static Profile decode(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.isEmpty() ? new String[0] : text.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts.length < 2 ? null : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return new Profile(values.get("gender"), values.get("ageBand"), values.get("localCommunity"));
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("gender", gender);
        fields.put("ageBand", ageBand);
        fields.put("localCommunity", localCommunity);
        return fields;
    }
}
