package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The dev token issuer exists for the default run only: a production profile refuses to start with it. */
class ProductionProfileTest {

    @Test
    void aProductionProfileWithDevTokensRefusesToStart() {
        TestStores stores = TestStores.fresh();

        assertThatThrownBy(() -> RunningSystem.start(stores, "--spring.profiles.active=production",
                "--civic.security.dev-tokens=true").close())
                .hasStackTraceContaining("civic.security.dev-tokens=true is refused in a production profile");
    }

    @Test
    void aProductionProfileWithoutAnIdentityProviderRefusesToStart() {
        TestStores stores = TestStores.fresh();

        // the stores of this test run stand in for production's; only the token issuer is missing
        assertThatThrownBy(() -> RunningSystem.start(stores, "--spring.profiles.active=production",
                "--civic.privacy.master-key=" + KEY, "--civic.privacy.pseudonym-key=" + KEY,
                "--civic.transparency.signing-key=" + KEY).close())
                .hasStackTraceContaining("No token issuer configured");
    }

    @Test
    void aProductionProfileWithoutConfiguredKeysRefusesToStart() {
        TestStores stores = TestStores.fresh();

        assertThatThrownBy(() -> RunningSystem.start(stores, "--spring.profiles.active=production").close())
                .hasStackTraceContaining("civic.privacy.master-key, civic.privacy.pseudonym-key, "
                        + "civic.transparency.signing-key");
    }

    @Test
    void aProductionProfileOnKurrentDbWithoutAPostgresServerRefusesToStart() {
        TestStores stores = TestStores.fresh();

        assertThatThrownBy(() -> RunningSystem.start(stores, "--spring.profiles.active=production",
                "--civic.event-store=kurrentdb", "--civic.postgres.url=",
                "--civic.kurrentdb.connection-string=kurrentdb://127.0.0.1:2113?tls=false").close())
                .hasStackTraceContaining("civic.event-store=kurrentdb would start an embedded PostgreSQL");
    }

    private static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);
}
