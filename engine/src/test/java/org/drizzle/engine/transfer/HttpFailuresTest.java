package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.CircularRedirectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.junit.jupiter.api.Test;

/** Every failure class lands on BITS' context, HRESULT and transient/fatal classification. */
class HttpFailuresTest {

    @Test
    void networkFailuresAreTransientInternetCodes() {
        assertThat(HttpFailures.network(new UnknownHostException("h"), "u").code()).isEqualTo(ErrorCodes.INTERNET_NAME_NOT_RESOLVED);
        assertThat(HttpFailures.network(new ConnectException("refused"), "u").code()).isEqualTo(ErrorCodes.INTERNET_CANNOT_CONNECT);
        assertThat(HttpFailures.network(new SocketTimeoutException("t"), "u").code()).isEqualTo(ErrorCodes.INTERNET_TIMEOUT);
        TransferException reset = HttpFailures.network(new ConnectionClosedException("cut"), "u");
        assertThat(reset.code()).isEqualTo(ErrorCodes.INTERNET_CONNECTION_RESET);
        assertThat(reset.context()).isEqualTo(ErrorContext.GENERAL_TRANSPORT);
        assertThat(reset.isTransient()).isTrue();
    }

    @Test
    void tlsAndRedirectFailuresAreFatal() {
        TransferException tls = HttpFailures.network(new SSLHandshakeException("bad cert"), "u");
        assertThat(tls.code()).isEqualTo(ErrorCodes.INTERNET_SECURE_FAILURE);
        assertThat(tls.isTransient()).isFalse();
        TransferException loop = HttpFailures.network(
                new ClientProtocolException("loop", new CircularRedirectException("loop")), "u");
        assertThat(loop.code()).isEqualTo(ErrorCodes.HTTP_REDIRECT_FAILED);
        assertThat(loop.isTransient()).isFalse();
    }

    @Test
    void localFailuresUseTheLocalFileContext() {
        TransferException full = HttpFailures.local(new FileSystemException("/d/BIT1.tmp", null, "No space left on device"), "/d/f");
        assertThat(full.code()).isEqualTo(ErrorCodes.ERROR_DISK_FULL);
        assertThat(full.context()).isEqualTo(ErrorContext.LOCAL_FILE);
        assertThat(full.isTransient()).isTrue();
        TransferException denied = HttpFailures.local(new AccessDeniedException("/d/BIT1.tmp"), "/d/f");
        assertThat(denied.code()).isEqualTo(ErrorCodes.E_ACCESSDENIED);
        assertThat(denied.context()).isEqualTo(ErrorContext.LOCAL_FILE);
        assertThat(denied.isTransient()).isFalse();
        assertThat(HttpFailures.local(new FileSystemException("/d", null, "Read-only file system"), "/d/f").code())
                .isEqualTo(ErrorCodes.E_ACCESSDENIED);
    }

    @Test
    void httpStatusesBecomeBgEHttpErrors() {
        TransferException notFound = HttpFailures.status(404, "u");
        assertThat(notFound.code()).isEqualTo(0x80190194);
        assertThat(notFound.context()).isEqualTo(ErrorContext.REMOTE_FILE);
        assertThat(notFound.toJobError().description()).contains("404");
    }

    @Test
    void contentRangeParsing() {
        assertThat(ContentRange.parse("bytes 100-199/1000")).isEqualTo(new ContentRange(100, 199, 1000));
        assertThat(ContentRange.parse("bytes 0-9/*").total()).isEqualTo(-1);
        assertThat(ContentRange.parse("bytes 10-5/100")).isNull();
        assertThat(ContentRange.parse("bytes 0-100/100")).isNull();
        assertThat(ContentRange.unsatisfiedSize("bytes */4096")).isEqualTo(4096);
    }

    @Test
    void aNetworkFailureIsDescribedWithoutJavaNames() {
        String d = HttpFailures.network(new java.net.ConnectException("Connect to http://h:1 failed: Connection refused"), "http://h:1/a").getMessage();
        assertThat(d).isEqualTo("http://h:1/a: Connect to http://h:1 failed: Connection refused").doesNotContain("Exception");
        assertThat(HttpFailures.network(new java.io.IOException("java.net.SocketException: Connection reset"), "u").getMessage())
                .isEqualTo("u: Connection reset");
        assertThat(HttpFailures.network(new java.io.IOException(), "u").getMessage()).isEqualTo("u: the connection failed");
    }
}
