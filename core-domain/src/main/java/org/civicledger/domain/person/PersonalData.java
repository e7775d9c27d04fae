package org.civicledger.domain.person;

import java.util.Set;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Text;

/**
 * What a person chose to tell about themselves: all optional. Name and e-mail let a municipality or
 * CSO reach them; gender, age band and local community feed the inclusion statistics only in
 * aggregate. Never stored in clear: sealed in {@link PersonalDataRecorded}.
 */
public record PersonalData(String name, String email, String gender, String ageBand, String localCommunity) {

    public static final Set<String> GENDERS = Set.of("FEMALE", "MALE", "OTHER");
    public static final Set<String> AGE_BANDS = Set.of("UNDER_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_PLUS");

    public PersonalData {
        name = name(name);
        email = email(email);
        gender = gender(gender);
        ageBand = ageBand(ageBand);
        localCommunity = localCommunity(localCommunity);
    }

    /** Each rule on its own, so that a request can be told about every field at once. */
    public static String name(String name) {
        return orNull(Text.require("name", name, 0, 200, false));
    }

    public static String email(String email) {
        String value = orNull(Text.require("email", email, 0, 254, false));
        if (value != null && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidField("email", "must be an e-mail address");
        }
        return value;
    }

    public static String gender(String gender) {
        return oneOf("gender", gender, GENDERS);
    }

    public static String ageBand(String ageBand) {
        return oneOf("ageBand", ageBand, AGE_BANDS);
    }

    public static String localCommunity(String localCommunity) {
        return orNull(Text.require("localCommunity", localCommunity, 0, 100, false));
    }

    private static String oneOf(String field, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new InvalidField(field, "must be one of " + new java.util.TreeSet<>(allowed) + " or left out");
        }
        return value;
    }

    /** Form-encoded ({@code name=…&email=…}), the fields that are given: the text that is sealed. */
    public String encode() {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("gender", gender);
        fields.put("ageBand", ageBand);
        fields.put("localCommunity", localCommunity);
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> {
            if (value != null) {
                text.append(text.isEmpty() ? "" : "&").append(key).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }

    public static PersonalData decode(String text) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (String pair : text.isEmpty() ? new String[0] : text.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts.length < 2 ? null
                    : java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return new PersonalData(values.get("name"), values.get("email"), values.get("gender"), values.get("ageBand"),
                values.get("localCommunity"));
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
