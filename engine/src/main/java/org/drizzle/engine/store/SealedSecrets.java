package org.drizzle.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import org.drizzle.engine.store.secrets.SecretBox;

/**
 * Splits a job's JSON into the part stored in clear and its secrets, which are sealed under the
 * machine key into the {@code secrets} column: the credentials (user names and passwords for
 * server and proxy, bearer tokens), all custom headers (whether or not write-only: a header is
 * where tokens travel) and the client certificate with its password.
 */
final class SealedSecrets {
    /** The {@code Job} fields that never go to the clear JSON. */
    static final List<String> FIELDS = List.of("credentials", "customHeaders", "clientCertificate");

    private final SecretBox box;
    private final ObjectMapper json;

    SealedSecrets(SecretBox box, ObjectMapper json) {
        this.box = box;
        this.json = json;
    }

    /** Takes the secret fields out of {@code data}; returns them sealed for {@code jobId}, or null when there are none. */
    byte[] seal(String jobId, ObjectNode data) throws IOException {
        ObjectNode secrets = strip(data);
        if (secrets.isEmpty()) {
            return null;
        }
        byte[] plain = json.writeValueAsBytes(secrets);
        try {
            return box.seal(plain, associated(jobId));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Takes the secret fields out of {@code data} and returns those that hold anything. */
    static ObjectNode strip(ObjectNode data) {
        ObjectNode secrets = data.objectNode();
        for (String f : FIELDS) {
            JsonNode v = data.remove(f);
            if (v != null && !v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
                secrets.set(f, v);
            }
        }
        return secrets;
    }

    /** Puts the secrets sealed for {@code jobId} back into {@code data}. */
    void open(String jobId, byte[] sealed, ObjectNode data) throws IOException {
        byte[] plain;
        try {
            plain = box.open(sealed, associated(jobId));
        } catch (GeneralSecurityException e) {
            throw new IOException("the secrets of job " + jobId + " do not open with the store key"
                    + " (was the key file replaced?)", e);
        }
        try {
            data.setAll((ObjectNode) json.readTree(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] associated(String jobId) {
        return jobId.getBytes(StandardCharsets.US_ASCII);
    }
}
