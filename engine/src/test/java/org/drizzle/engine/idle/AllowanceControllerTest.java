package org.drizzle.engine.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The control law on a simulated link: a fixed-capacity bottleneck shared by the background
 * job (which takes at most its allowance) and a foreground flow that ramps up like TCP slow
 * start and takes what the background leaves, or half the link while both push.
 */
class AllowanceControllerTest {

    private static final long C = 2_500_000; // 20 Mbit/s
    private static final long TICK = 100_000_000L;

    /** A bottleneck link with one elastic foreground flow. */
    private static final class Link {
        final AllowanceController controller;
        long nanos;
        long total;
        long own;
        double fgWant;
        double fgRate;
        double bgRate;
        double constantOthers;
        /** True when the foreground flow crosses another machine's NIC: our counters never see it. */
        boolean foregroundInvisible;

        Link(AllowanceController controller) {
            this.controller = controller;
            controller.update(0, 0, 0, 0, -1);
        }

        /** Advances one tick; {@code fgDemand} is 0 when the foreground flow is off. */
        void tick(double fgDemand, long delayMicros) {
            fgWant = fgDemand == 0 ? 0 : Math.min(fgDemand, Math.max(fgWant * 2, 100_000));
            double bgWant = controller.allowance();
            double room = C - constantOthers;
            if (fgWant + bgWant <= room) {
                fgRate = fgWant;
                bgRate = bgWant;
            } else {
                // TCP fairness: each gets half unless it wants less.
                double half = room / 2;
                fgRate = fgWant < half ? fgWant : bgWant < half ? room - bgWant : half;
                bgRate = room - fgRate;
            }
            nanos += TICK;
            long ownBytes = (long) (bgRate / 10);
            own += ownBytes;
            total += (long) (ownBytes * 1.04 + ((foregroundInvisible ? 0 : fgRate) + constantOthers) / 10);
            controller.update(nanos, total, own, 0, delayMicros);
        }
    }

    @Test
    void backgroundAloneApproachesTheLinkRate() {
        Link link = new Link(new AllowanceController(0));
        for (int i = 0; i < 80; i++) {
            link.tick(0, -1);
        }
        assertThat(link.bgRate).isGreaterThan(0.95 * C);
        assertThat(link.controller.capacity()).isBetween((long) (0.95 * C), (long) (1.05 * C));
    }

    @Test
    void foregroundGetsNinetyPercentWithinOneSecondAndBackgroundRecovers() {
        Link link = new Link(new AllowanceController(0));
        for (int i = 0; i < 80; i++) {
            link.tick(0, -1);
        }
        int ticksToYield = -1;
        for (int i = 1; i <= 100; i++) {
            link.tick(C, -1);
            if (ticksToYield < 0 && link.fgRate >= 0.9 * C) {
                ticksToYield = i;
            }
            if (ticksToYield > 0) {
                assertThat(link.fgRate).as("foreground keeps its share at tick %d", i).isGreaterThanOrEqualTo(0.9 * C);
            }
            assertThat(link.bgRate).as("background never stops").isGreaterThan(0);
        }
        assertThat(ticksToYield).as("ticks until the foreground has 90%%").isBetween(1, 10);
        int ticksToRecover = -1;
        for (int i = 1; i <= 30 && ticksToRecover < 0; i++) {
            link.tick(0, -1);
            if (link.bgRate >= 0.8 * C) {
                ticksToRecover = i;
            }
        }
        assertThat(ticksToRecover).as("ticks until background has 80%% again").isBetween(1, 30);
    }

    @Test
    void aShortfallYieldsToAFlowTheCountersCannotSee() {
        Link link = new Link(new AllowanceController(0));
        link.foregroundInvisible = true;
        for (int i = 0; i < 80; i++) {
            link.tick(0, -1);
        }
        int ticksToYield = -1;
        double fgBytes = 0;
        for (int i = 1; i <= 100; i++) {
            link.tick(C, -1);
            if (ticksToYield < 0 && link.fgRate >= 0.9 * C) {
                ticksToYield = i;
            }
            fgBytes += link.fgRate / 10;
            assertThat(link.bgRate).isGreaterThan(0);
        }
        assertThat(link.controller.others()).as("invisible").isZero();
        assertThat(ticksToYield).isBetween(1, 10);
        // Without a delay signal the only evidence is our own shortfall, which a fair TCP flow
        // causes only once we take half the link: a sawtooth that leaves it about 78 %.
        assertThat(fgBytes / 10 / C).as("foreground share over 10 s").isGreaterThan(0.7);
        for (int i = 0; i < 30; i++) {
            link.tick(0, -1);
        }
        assertThat(link.bgRate).as("recovered").isGreaterThan(0.8 * C);
    }

    @Test
    void steadyOthersLeaveCapacityMinusTheirShareMinusHeadroom() {
        AllowanceController c = new AllowanceController(C);
        Link link = new Link(c);
        link.constantOthers = 0.3 * C;
        // With others on the link the allowance only creeps up (2 % of the path per second).
        for (int i = 0; i < 400; i++) {
            link.tick(0, -1);
        }
        assertThat(c.others()).isBetween((long) (0.28 * C), (long) (0.32 * C));
        assertThat(c.allowance()).isBetween((long) (0.55 * C), (long) (0.62 * C));
    }

    @Test
    void queueingDelayAboveTargetCutsMultiplicativelyAndBelowItGrows() {
        AllowanceController c = new AllowanceController(C);
        Link link = new Link(c);
        for (int i = 0; i < 40; i++) {
            link.tick(0, 70_000);
        }
        // Steadily 10 ms over the target: the factor is 1 - 10/60 each sample.
        for (int i = 0; i < 40; i++) {
            link.tick(0, 5_000);
        }
        long before = c.allowance();
        link.tick(0, 90_000); // 30 ms over target: factor 0.5
        assertThat((double) c.allowance()).isCloseTo(Math.max(c.floor(), before * 0.5), org.assertj.core.data.Offset.offset(2.0));
        long cut = c.allowance();
        link.tick(0, 180_000); // twice the target and more: the strongest cut, a quarter
        assertThat((double) c.allowance()).isCloseTo(Math.max(c.floor(), cut * 0.25), org.assertj.core.data.Offset.offset(2.0));
        for (int i = 0; i < 30; i++) {
            link.tick(0, 300_000);
        }
        assertThat(c.allowance()).as("never below the floor").isEqualTo(c.floor()).isGreaterThan(0);
        long low = c.allowance();
        // Back under the target and steady: growth resumes (slowly while still marked contended).
        for (int i = 0; i < 5; i++) {
            link.tick(0, 10_000);
        }
        assertThat(c.allowance()).isGreaterThan(low);
    }

    @Test
    void aRelativeRiseOfTheDelayBelowTheTargetHalvesAndSlowsGrowth() {
        AllowanceController c = new AllowanceController(C);
        Link link = new Link(c);
        for (int i = 0; i < 40; i++) {
            link.tick(0, 4_000);
        }
        long before = c.allowance();
        link.tick(0, 25_000); // 21 ms above the lowest delay of the last window, under 60 ms
        assertThat((double) c.allowance()).isCloseTo(before * 0.5, org.assertj.core.data.Offset.offset(2.0));
        // The queue stays up: halvings until the window's lowest delay has caught up (4 samples).
        for (int i = 0; i < 3; i++) {
            link.tick(0, 26_000);
        }
        long settled = c.allowance();
        assertThat(settled).as("three halvings, then slow growth").isLessThan(before / 7);
        // Steady now, but growth stays slow (contended) for a second after the rise.
        for (int i = 0; i < 5; i++) {
            link.tick(0, 26_000);
        }
        assertThat(c.allowance()).isGreaterThan(settled).isLessThan(settled + (long) (0.01 * C));
    }

    @Test
    void aLearnedCapacityFromTheFirstSlowSamplesDoesNotPinTheAllowance() {
        AllowanceController c = new AllowanceController(0);
        c.update(0, 0, 0, 0, -1);
        // The first 100 ms carried only the request and a few kilobytes of response.
        c.update(TICK, 900, 800, 0, 2_000);
        assertThat(c.allowance()).as("not the floor of a 9 KB/s link").isGreaterThanOrEqualTo(AllowanceController.INITIAL);
        Link link = new Link(c);
        link.nanos = TICK;
        link.total = 900;
        link.own = 800;
        for (int i = 0; i < 40; i++) {
            link.tick(0, 2_000);
        }
        assertThat(link.bgRate).as("ramps up to the link like slow start, in 4 s").isGreaterThan(0.9 * C);
    }

    @Test
    void floorIsTwoPercentOfThePathButAtLeastSixteenKib() {
        AllowanceController small = new AllowanceController(100_000);
        small.update(0, 0, 0, 0, -1);
        small.update(TICK, 10_000, 0, 0, 500_000);
        assertThat(small.floor()).isEqualTo(AllowanceController.MIN_FLOOR);
        AllowanceController big = new AllowanceController(C);
        Link link = new Link(big);
        for (int i = 0; i < 50; i++) {
            link.tick(0, -1);
        }
        assertThat(big.floor()).isEqualTo((long) (0.02 * C));
    }

    @Test
    void counterResetTakesANewBaselineInsteadOfANegativeRate() {
        AllowanceController c = new AllowanceController(C);
        c.update(0, 5_000_000, 0, 0, -1);
        long before = c.allowance();
        c.update(TICK, 1_000, 0, 0, -1);
        assertThat(c.allowance()).isEqualTo(before);
        assertThat(c.others()).isZero();
    }

    @Test
    void nicSpeedIsUsedWhenNoCapacityIsConfigured() {
        AllowanceController c = new AllowanceController(0);
        c.update(0, 0, 0, 12_500_000, -1);
        c.update(TICK, 10_000, 0, 12_500_000, -1);
        assertThat(c.capacity()).isEqualTo(12_500_000);
    }

    @Test
    void negativeCapacityIsRejectedByName() {
        assertThatThrownBy(() -> new AllowanceController(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    }
}
