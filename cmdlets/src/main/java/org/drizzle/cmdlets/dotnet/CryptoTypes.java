package org.drizzle.cmdlets.dotnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The hashing classes scripts build names and checksums with — {@code [System.Security.Cryptography.MD5]::Create()},
 * {@code MD5CryptoServiceProvider}, SHA1/SHA256/SHA384/SHA512 and their {@code Managed} / {@code CryptoServiceProvider}
 * forms — each with {@code ComputeHash(bytes | stream)}; {@code [System.BitConverter]::ToString(bytes)}
 * ({@code 0A-1B-...}); and {@code [System.Text.UTF8Encoding]::new()}.
 */
final class CryptoTypes {
    private static final String NS = "System.Security.Cryptography.";

    private CryptoTypes() {
    }

    /** One hash algorithm object: ComputeHash gives the digest as bytes. */
    public record HashAlgorithm(String algorithm, String typeName) {
        public byte[] ComputeHash(Object input) {
            MessageDigest d = digest(algorithm);
            if (input instanceof InputStream in) {
                try {
                    byte[] buf = new byte[65536];
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        d.update(buf, 0, n);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the stream to hash: " + e.getMessage(), e);
                }
                return d.digest();
            }
            return d.digest(TextTypes.bytes(input));
        }

        public int getHashSize() {
            return digest(algorithm).getDigestLength() * 8;
        }

        public void Dispose() {
            // nothing is held between calls
        }

        public void Clear() {
            // nothing is held between calls
        }

        @Override
        public String toString() {
            return typeName;
        }
    }

    static List<TypeAdapter> adapters() {
        List<TypeAdapter> out = new java.util.ArrayList<>();
        for (String[] alg : new String[][] {{"MD5", "MD5"}, {"SHA1", "SHA-1"}, {"SHA256", "SHA-256"},
                {"SHA384", "SHA-384"}, {"SHA512", "SHA-512"}}) {
            String name = alg[0];
            String java = alg[1];
            out.add(TypeAdapter.builder(NS + name).method("Create", 0, a -> new HashAlgorithm(java, NS + name))
                    .instances(v -> v instanceof HashAlgorithm h && h.algorithm().equals(java)).build());
            for (String form : List.of("CryptoServiceProvider", "Managed")) {
                if (!(name.equals("MD5") && form.equals("Managed"))) {
                    out.add(TypeAdapter.builder(NS + name + form).constructor(0, a -> new HashAlgorithm(java, NS + name + form))
                            .build());
                }
            }
        }
        out.add(TypeAdapter.builder("System.BitConverter")
                .method("ToString", 1, a -> dashed(TextTypes.bytes(a.get(0))))
                .build());
        out.add(TypeAdapter.builder("System.Text.UTF8Encoding")
                .constructor(0, a -> new TextTypes.TextEncoding(StandardCharsets.UTF_8, "utf-8"))
                .constructor(1, a -> new TextTypes.TextEncoding(StandardCharsets.UTF_8, "utf-8"))
                .constructor(2, a -> new TextTypes.TextEncoding(StandardCharsets.UTF_8, "utf-8"))
                .build());
        return out;
    }

    /** BitConverter.ToString: upper-case hex pairs joined by '-'. */
    private static String dashed(byte[] b) {
        String hex = HexFormat.of().withUpperCase().formatHex(b);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            s.append(i == 0 ? "" : "-").append(hex, i, i + 2);
        }
        return s.toString();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The hash algorithm " + algorithm + " is not available.", e);
        }
    }
}
