package org.drizzle.engine.transfer;

import java.util.List;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.Credential;

/**
 * The parts of a job the engine never hands to clients, for the transports' use only. Stored
 * sealed under the machine key (see the job store) and wiped when the job ends.
 */
public record JobSecrets(List<Credential> credentials, List<String> customHeaders,
                         ClientCertificate clientCertificate) {
    public static final JobSecrets NONE = new JobSecrets(List.of(), List.of(), null);

    /** Names only: custom headers carry tokens, so their values never reach a log line. */
    @Override
    public String toString() {
        return "JobSecrets[credentials=" + credentials + ", customHeaders=" + customHeaders.size()
                + ", clientCertificate=" + clientCertificate + "]";
    }
}
