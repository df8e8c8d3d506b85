package org.drizzle.engine.security;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.NotifyFlags;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.policy.Priority;

/**
 * What a local user runs against the service in the security tests (under {@link UserJvm}):
 * one call, printed as "OK ..." or "ERR 0x........ message".
 *
 * <pre>
 * socket notify NAME URL DEST PROGRAM ARGS...   a download job with a notify command line, resumed
 * socket reply SOURCE REPLYFILE                 an UploadReply job naming REPLYFILE, then GetReplyData
 * </pre>
 */
public final class OwnerClient {
    public static void main(String[] args) throws Exception {
        try (RemoteEngine e = RemoteEngine.connect(Path.of(args[0]))) {
            String[] a = Arrays.copyOfRange(args, 2, args.length);
            Object result = switch (args[1]) {
                case "notify" -> notifyJob(e, a);
                case "reply" -> replyData(e, a);
                default -> throw new IllegalArgumentException(args[1]);
            };
            System.out.println("OK " + result);
        } catch (BitsException b) {
            System.out.println("ERR " + ErrorCodes.hex(b.code()) + " " + b.getMessage());
        }
    }

    private static Object replyData(RemoteEngine e, String[] a) {
        JobInfo job = e.createJob("reply", JobType.UPLOAD_REPLY, new JobOptions());
        e.addFile(job.id(), "http://127.0.0.1:9/upload", a[0], null);
        e.setProperties(job.id(), new JobOptions().replyFileName(a[1]));
        return e.getReplyData(job.id()).length + " bytes";
    }

    private static Object notifyJob(RemoteEngine e, String[] a) {
        JobInfo job = e.createJob(a[0], JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
        e.addFile(job.id(), a[1], a[2], null);
        e.setProperties(job.id(), new JobOptions().notifyFlags(NotifyFlags.JOB_TRANSFERRED)
                .notifyCmdLine(List.of(Arrays.copyOfRange(a, 3, a.length))));
        return e.resume(job.id()).id();
    }
}
