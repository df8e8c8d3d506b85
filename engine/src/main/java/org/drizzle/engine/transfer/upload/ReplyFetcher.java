package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.transfer.UploadSource;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.TransferStoppedException;

/**
 * Downloads an upload-reply with a plain GET before Close-Session (Close deletes it on the
 * server) and hands the body to {@link UploadSource#storeReply}, which writes the reply file.
 */
final class ReplyFetcher {
    private final UploadClient client;
    private final UploadSource session;

    ReplyFetcher(UploadClient client, UploadSource session) {
        this.client = client;
        this.session = session;
    }

    void fetch(URI reply) throws IOException, TransferException, TransferStoppedException {
        Object outcome = client.get(reply, session.secrets(), response -> {
            HttpEntity entity = response.getEntity();
            if (response.getCode() != 200) {
                EntityUtils.consume(entity);
                return new TransferException(ErrorContext.REMOTE_APPLICATION, ErrorCodes.fromHttpStatus(response.getCode()),
                        "The reply at " + reply + " was answered HTTP " + response.getCode() + ".");
            }
            try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                session.storeReply(in, entity == null ? 0 : entity.getContentLength());
                return null;
            } catch (TransferStoppedException e) {
                return e;
            }
        });
        if (outcome instanceof TransferException e) {
            throw e;
        }
        if (outcome instanceof TransferStoppedException e) {
            throw e;
        }
    }
}
