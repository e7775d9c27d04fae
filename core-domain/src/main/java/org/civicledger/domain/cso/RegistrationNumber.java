package org.civicledger.domain.cso;

import java.util.Locale;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Text;

/**
 * A CSO's number in the register of associations and foundations, as written on its papers.
 * Two numbers are the same when their letters and digits are ({@code 065-0-Reg-12-000123} and
 * {@code 0650REG12000123}), so a CSO cannot register twice by writing its number differently.
 */
public record RegistrationNumber(String value) {

    public RegistrationNumber {
        value = Text.require("registrationNumber", value, 3, 50, false);
        if (!value.matches("[A-Za-z0-9./ -]+")) {
            throw new InvalidField("registrationNumber", "may hold only letters, digits, spaces and . / -");
        }
    }

    public String canonical() {
        return value.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
