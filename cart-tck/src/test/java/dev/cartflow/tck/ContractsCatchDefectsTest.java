package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The contracts fail implementations with known defects: their checks can fail. */
class ContractsCatchDefectsTest {

    /** The names of the contract tests that fail for {@code subject}. */
    private static Set<String> failingTests(Class<?> subject) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(subject))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertTrue(summary.getTestsFoundCount() > 0, "no tests found in " + subject.getName());
        return summary.getFailures().stream()
                .map(TestExecutionSummary.Failure::getTestIdentifier)
                .map(id -> id.getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName()).orElse(id.getDisplayName()))
                .collect(Collectors.toSet());
    }

    @Test
    void promotionUsageContract_storeNotCountingGuests_failsTheGuestRegressionTest() {
        Set<String> failing = failingTests(BrokenImplementations.GuestBlindUsageStore.class);

        assertTrue(failing.contains("redeem_guestOverMaxUsesPerCustomer_exhaustedForThatGuestOnly"),
                "failing: " + failing);
    }

    @Test
    void promotionUsageContract_storeWithoutLock_failsARaceTest() {
        Set<String> failing = failingTests(BrokenImplementations.RacyUsageStore.class);

        assertTrue(failing.contains("redeem_twoCartsRacingForSingleUseCode_exactlyOneWins")
                || failing.contains("redeem_checkoutsHoldingPromotionsInOppositeOrders_noDeadlockNoOversell")
                || failing.contains("redeem_tenCartsOfOneCustomerRacingForTwoUses_exactlyTwoWin"),
                "failing: " + failing);
    }

    @Test
    void catalogContract_answersForUnaskedSkus_fails() {
        Set<String> failing = failingTests(BrokenImplementations.ChattyCatalog.class);

        assertTrue(failing.contains("answer_subsetAsked_answersOnlyThatSubset"), "failing: " + failing);
        assertTrue(failing.contains("answer_unknownSkus_absent"), "failing: " + failing);
    }

    @Test
    void stockReservationsContract_partialReservation_failsAllOrNothing() {
        Set<String> failing = failingTests(BrokenImplementations.PartialReservations.class);

        assertTrue(failing.contains("reserve_tooFewUnitsOfOneKey_outOfStockAndNothingHeld"), "failing: " + failing);
    }

    @Test
    void repositoryContract_noVersionCheck_failsConflictAndConcurrencyTests() {
        Set<String> failing = failingTests(BrokenImplementations.VersionBlindRepository.class);

        assertTrue(failing.contains("save_expectedVersionZeroForExistingCart_conflicts"), "failing: " + failing);
        assertTrue(failing.contains("saveAll_oneStaleWrite_writesNothing"), "failing: " + failing);
        assertTrue(failing.contains("save_concurrentWritersOnOneVersion_exactlyOneWins"), "failing: " + failing);
    }

    @Test
    void publisherContract_reordersEvents_failsTheOrderTest() {
        Set<String> failing = failingTests(BrokenImplementations.ReversingPublisher.class);

        assertTrue(failing.contains("publish_eventsOfSeveralCarts_keepsEachCartsOrder"), "failing: " + failing);
    }
}
