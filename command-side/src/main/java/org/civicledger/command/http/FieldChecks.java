package org.civicledger.command.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.civicledger.domain.shared.InvalidField;

/**
 * Builds the value objects of a request and gathers every field that breaks a rule, so that one
 * answer names them all instead of one per round trip.
 */
public final class FieldChecks {

    private final List<InvalidField> problems = new ArrayList<>();

    /** Builds one value; a rule it breaks is remembered and {@code null} returned. */
    public <T> T check(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidField problem) {
            problems.add(problem);
            return null;
        }
    }

    /** Parses one of an enum's constants, naming the allowed values when the text is none of them. */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** Throws {@link InvalidRequest} naming every remembered field, if any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(List.copyOf(problems));
        }
    }

    /** A request with one or more fields that break a rule. */
    public static final class InvalidRequest extends RuntimeException {

        private final List<InvalidField> fields;

        public InvalidRequest(List<InvalidField> fields) {
            super(fields.size() + " invalid field(s)");
            this.fields = fields;
        }

        public List<InvalidField> fields() {
            return fields;
        }
    }
}
