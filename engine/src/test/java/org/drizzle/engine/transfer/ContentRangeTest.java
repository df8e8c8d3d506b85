package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentRangeTest {
    @Test
    void bothContentRangeFormsParseAndFormatBack() {
        assertThat(ContentRange.parse("Bytes 0-9/10")).isEqualTo(new ContentRange(0, 9, 10));
        assertThat(ContentRange.parse("bytes 0-9/10").format()).isEqualTo("bytes 0-9/10");
        assertThat(ContentRange.parse("bytes */0")).isEqualTo(ContentRange.of(0, 0, 0));
        assertThat(ContentRange.of(0, 0, 0).format()).isEqualTo("bytes */0");
        assertThat(ContentRange.of(5, 5, 10).length()).isEqualTo(5);
        assertThat(ContentRange.parse("bytes 0-9/*").format()).isEqualTo("bytes 0-9/*");
        assertThat(ContentRange.parse("bytes 1234567890123456789-1234567890123456790/1234567890123456791")).isNull();
        assertThat(ContentRange.parse("bytes=0-9")).isNull();
    }

    @Test
    void aServerAnswersSingleRangesAndSendsTheWholeFileForOtherForms() {
        assertThat(ContentRange.request(100, -1)).isEqualTo("bytes=100-");
        assertThat(ContentRange.request(0, 0)).isEqualTo("bytes=0-0");
        assertThat(ContentRange.answer("bytes=100-", 1000)).isEqualTo(new ContentRange(100, 999, 1000));
        assertThat(ContentRange.answer("bytes=0-5000", 1000)).isEqualTo(new ContentRange(0, 999, 1000));
        assertThat(ContentRange.answer("bytes=-10", 1000)).isEqualTo(new ContentRange(990, 999, 1000));
        assertThat(ContentRange.answer("bytes=1000-", 1000).format()).isEqualTo("bytes */1000");
        assertThat(ContentRange.answer("bytes=0-1,5-9", 1000)).isNull();
        assertThat(ContentRange.answer("bytes=-", 1000)).isNull();
    }
}
