package org.drizzle.engine.service;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * A tiny client the multi-user tests run as other users (under setpriv): one engine call per
 * process, printed as "OK json" or "ERR 0x........ message".
 *
 * <pre>
 * socket whoami | list | listall | get ID | resume ID | suspend ID | cancel ID | complete ID | take ID
 * socket create NAME URL DEST [NOTIFYFLAGS [PROGRAM ARGS... (the word JOBID is replaced by the job id)]]
 * </pre>
 */
public final class ServiceTestClient {
    public static void main(String[] args) throws Exception {
        try (RemoteEngine e = RemoteEngine.connect(Path.of(args[0]))) {
            Object result = run(e, args[1], Arrays.copyOfRange(args, 2, args.length));
            System.out.println("OK " + Protocol.mapper().writeValueAsString(result));
        } catch (BitsException b) {
            System.out.println("ERR " + ErrorCodes.hex(b.code()) + " " + b.getMessage());
        }
    }

    private static Object run(RemoteEngine e, String cmd, String[] a) {
        return switch (cmd) {
            case "whoami" -> e.caller();
            case "list" -> ids(e.listJobs(false));
            case "listall" -> ids(e.listJobs(true));
            case "get" -> e.getJob(JobId.parse(a[0]));
            case "resume" -> e.resume(JobId.parse(a[0]));
            case "suspend" -> e.suspend(JobId.parse(a[0]));
            case "cancel" -> e.cancel(JobId.parse(a[0]));
            case "complete" -> e.complete(JobId.parse(a[0]));
            case "take" -> e.takeOwnership(JobId.parse(a[0]));
            case "create" -> create(e, a);
            default -> throw new IllegalArgumentException(cmd);
        };
    }

    private static Object create(RemoteEngine e, String[] a) {
        JobInfo job = e.createJob(a[0], JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
        e.addFile(job.id(), a[1], a[2], null);
        if (a.length > 3) {
            JobOptions o = new JobOptions().notifyFlags(Integer.parseInt(a[3]));
            if (a.length > 4) {
                String id = job.id().toString();
                o.notifyCmdLine(Arrays.stream(a, 4, a.length).map(s -> s.equals("JOBID") ? id : s).toList());
            }
            e.setProperties(job.id(), o);
        }
        return e.resume(job.id()).id();
    }

    private static List<String> ids(List<JobInfo> jobs) {
        return jobs.stream().map(j -> j.id().toString()).toList();
    }
}
