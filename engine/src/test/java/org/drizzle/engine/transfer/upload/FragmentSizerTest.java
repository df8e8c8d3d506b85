package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fragment lengths follow throughput (about two seconds each) within Windows' 5 KB … 13 MB. */
class FragmentSizerTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsWhereWindowsStarts() {
        assertThat(new FragmentSizer().next()).isEqualTo(168_000);
    }

    @Test
    void aFastLinkGrowsAtMostFourfoldPerFragmentUpTo13Mb() {
        FragmentSizer sizer = new FragmentSizer();
        sizer.record(168_000, SECOND / 1000);
        assertThat(sizer.next()).isEqualTo(4 * 168_000);
        for (int i = 0; i < 10; i++) {
            sizer.record(sizer.next(), SECOND / 1000);
        }
        assertThat(sizer.next()).isEqualTo(BitsProtocol.MAX_FRAGMENT);
    }

    @Test
    void aThrottledLinkGetsFragmentsOfAboutTwoSeconds() {
        FragmentSizer sizer = new FragmentSizer();
        for (int i = 0; i < 10; i++) {
            long bytes = sizer.next();
            sizer.record(bytes, bytes * SECOND / 50_000); // 50 KB/s through the governor
        }
        assertThat(sizer.next()).isEqualTo(100_000);
        for (int i = 0; i < 20; i++) {
            long bytes = sizer.next();
            sizer.record(bytes, bytes * SECOND / 1_000); // 1 KB/s: never below the floor
        }
        assertThat(sizer.next()).isEqualTo(BitsProtocol.MIN_FRAGMENT);
    }

    @Test
    void status413HalvesAndCapsButNotBelow5Kb() {
        FragmentSizer sizer = new FragmentSizer();
        assertThat(sizer.shrink(168_000)).isTrue();
        assertThat(sizer.next()).isEqualTo(84_000);
        sizer.record(84_000, SECOND / 1000);
        assertThat(sizer.next()).as("the 413 ceiling holds").isEqualTo(84_000);
        assertThat(sizer.shrink(8_000)).isTrue();
        assertThat(sizer.next()).isEqualTo(BitsProtocol.MIN_FRAGMENT);
        assertThat(sizer.shrink(BitsProtocol.MIN_FRAGMENT)).isFalse();
    }

    @Test
    void aShortTailFragmentSaysNothingAboutTheLink() {
        FragmentSizer sizer = new FragmentSizer();
        sizer.record(10, SECOND);
        assertThat(sizer.next()).isEqualTo(168_000);
    }
}
