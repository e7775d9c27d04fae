package org.civicledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose tests share one running system on fresh stores, started once for the class. */
abstract class SharedSystemTest {

    static RunningSystem system;
    static Api api;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start(TestStores.fresh());
        api = system.api;
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }
}
