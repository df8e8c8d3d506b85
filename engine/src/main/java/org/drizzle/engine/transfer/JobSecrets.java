package org.drizzle.engine.transfer;

import java.util.List;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.Credential;

/** The parts of a job the engine never hands to clients, for the transports' use only. */
public record JobSecrets(List<Credential> credentials, List<String> customHeaders,
                         ClientCertificate clientCertificate) {
    public static final JobSecrets NONE = new JobSecrets(List.of(), List.of(), null);
}
