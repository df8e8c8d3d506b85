package org.drizzle.engine.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.Protocol;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.policy.Priority;

/**
 * The hostile (or ordinary) user of the file-security tests: runs as that user under setpriv,
 * keeps one connection to the machine service and answers one line per command read from
 * stdin (arguments separated by tabs) with "OK json" or "ERR 0x........ message".
 *
 * <pre>
 * download NAME SOURCE DEST [PKCS12 PASSWORD SECURITYFLAGS]   (creates, adds the file, resumes: the job id)
 * upload NAME URL SOURCE                                      (the same for an upload job)
 * get ID | suspend ID | resume ID | complete ID | cancel ID
 * </pre>
 */
public final class FilesSecurityClient {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (RemoteEngine engine = RemoteEngine.connect(Path.of(args[0]))) {
            System.out.println("OK \"ready\"");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] a = line.split("\t", -1);
                String reply;
                try {
                    reply = "OK " + Protocol.mapper().writeValueAsString(run(engine, a));
                } catch (BitsException b) {
                    reply = "ERR " + ErrorCodes.hex(b.code()) + " " + b.getMessage();
                }
                System.out.println(reply.replace('\n', ' '));
            }
        }
    }

    private static Object run(RemoteEngine e, String[] a) {
        return switch (a[0]) {
            case "download" -> download(e, a);
            case "upload" -> upload(e, a);
            case "get" -> describe(e.getJob(JobId.parse(a[1])));
            case "suspend" -> describe(e.suspend(JobId.parse(a[1])));
            case "resume" -> describe(e.resume(JobId.parse(a[1])));
            case "cancel" -> describe(e.cancel(JobId.parse(a[1])));
            case "complete" -> e.complete(JobId.parse(a[1])).job().state().name();
            default -> throw new IllegalArgumentException(a[0]);
        };
    }

    private static String download(RemoteEngine e, String[] a) {
        JobInfo job = e.createJob(a[1], JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
        e.addFile(job.id(), a[2], a[3], null);
        if (a.length > 4) {
            e.setProperties(job.id(), new JobOptions().clientCertificate(new ClientCertificate(a[4], a[5]))
                    .securityFlags(Integer.parseInt(a[6])));
        }
        return e.resume(job.id()).id().toString();
    }

    private static String upload(RemoteEngine e, String[] a) {
        JobInfo job = e.createJob(a[1], JobType.UPLOAD, new JobOptions().priority(Priority.FOREGROUND));
        e.addFile(job.id(), a[2], a[3], null);
        return e.resume(job.id()).id().toString();
    }

    private static Map<String, Object> describe(JobInfo job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", job.state().name());
        m.put("code", job.error() == null ? null : ErrorCodes.hex(job.error().code()));
        m.put("description", job.error() == null ? null : job.error().description());
        JobFileInfo f = job.files().get(0);
        m.put("transferred", f.bytesTransferred());
        m.put("total", f.bytesTotal());
        m.put("temp", f.temporaryName());
        return m;
    }
}
