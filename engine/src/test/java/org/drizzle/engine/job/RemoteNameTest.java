package org.drizzle.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteNameTest {
    @Test
    void aSpaceAndNonAsciiInThePathAreEscapedAsUtf8() {
        assertThat(RemoteName.escape("http://h/My Files/rapport été.pdf"))
                .isEqualTo("http://h/My%20Files/rapport%20%C3%A9t%C3%A9.pdf");
        assertThat(RemoteName.escape("http://h/日本.txt")).isEqualTo("http://h/%E6%97%A5%E6%9C%AC.txt");
        assertThat(RemoteName.escape("http://h/emoji-\uD83D\uDE00")).isEqualTo("http://h/emoji-%F0%9F%98%80");
    }

    @Test
    void existingEscapesAndDelimitersStayAndAStrayPercentIsEscaped() {
        assertThat(RemoteName.escape("http://u:p@h:8080/a%20b/c?x=1&y=a+b#f")).isEqualTo("http://u:p@h:8080/a%20b/c?x=1&y=a+b#f");
        assertThat(RemoteName.escape("http://h/100%/x%2")).isEqualTo("http://h/100%25/x%252");
        assertThat(RemoteName.escape("http://h/a\"b<c>{d}|e^`")).isEqualTo("http://h/a%22b%3Cc%3E%7Bd%7D%7Ce%5E%60");
    }

    @Test
    void aRemoteNameWithASpaceIsAcceptedAndKeptEscapedWhileAPathIsKeptAsGiven() {
        RemoteName spaced = RemoteName.parse("http://h/a b.zip", JobType.DOWNLOAD);
        assertThat(spaced.text()).isEqualTo("http://h/a%20b.zip");
        assertThat(spaced.uri().getRawPath()).isEqualTo("/a%20b.zip");
        assertThat(RemoteName.of("http://h/a b.zip").uri().getPath()).isEqualTo("/a b.zip");
        assertThat(RemoteName.parse("/srv/my file.iso", JobType.DOWNLOAD).text()).isEqualTo("/srv/my file.iso");
        assertThat(RemoteName.parse("/srv/my file.iso", JobType.DOWNLOAD).scheme()).isEqualTo("file");
    }
}
