package org.civicledger.command.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says plainly which engines the event-store contract ran on: one line per engine — how many of its
 * tests passed and failed, or why it did not run (not configured, not reachable) — written to
 * {@code target/engine-contract-report.txt} at the end of every test run of this module (.ci/run prints it).
 */
public class EngineContractReport implements TestExecutionListener {

    private final Map<String, int[]> ran = new TreeMap<>(); // class -> passed, failed
    private final Map<String, String> notRun = new TreeMap<>();

    private static String contractClass(TestIdentifier test) {
        return test.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName())
                .filter(name -> name.endsWith("EngineContractTest")).orElse(null);
    }

    private static String engineOf(TestIdentifier test) {
        return test.getUniqueId().replaceAll(".*\\[class:[^\\]]*\\.([A-Za-z]+)EngineContractTest\\].*", "$1");
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        String contract = contractClass(test);
        if (contract != null) {
            notRun.put(contract.substring(contract.lastIndexOf('.') + 1),
                    reason.contains("==> ") ? reason.substring(reason.indexOf("==> ") + 4) : reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && test.getUniqueId().contains("EngineContractTest]")) {
            int[] counts = ran.computeIfAbsent(engineOf(test) + "EngineContractTest", k -> new int[2]);
            counts[result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? 0 : 1]++;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (ran.isEmpty() && notRun.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("Event-store contract, engine by engine:\n");
        ran.forEach((engine, counts) -> report.append(String.format("  %-40s ran: %d passed, %d failed%n", engine,
                counts[0], counts[1])));
        notRun.forEach((engine, reason) -> report.append(String.format("  %-40s not run: %s%n", engine, reason)));
        try {
            Path target = Files.createDirectories(Path.of("target"));
            Files.writeString(target.resolve("engine-contract-report.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
