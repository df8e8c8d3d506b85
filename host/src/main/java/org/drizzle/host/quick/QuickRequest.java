package org.drizzle.host.quick;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One quick-path request: the drizzle arguments, the caller's working directory and
 * environment, and whether its console is interactive (stdin and stdout are a terminal, as the
 * full host decides with {@code System.console()}).
 */
public record QuickRequest(List<String> args, String cwd, Map<String, String> env, boolean interactive) {

    public QuickRequest {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(args.size());
            for (String a : args) {
                writeString(out, a);
            }
            writeString(out, cwd);
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeBoolean(interactive);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array cannot fail to grow
        }
    }

    static QuickRequest decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int argc = count(in.readInt(), "arguments");
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(readString(in));
        }
        String cwd = readString(in);
        int envc = count(in.readInt(), "environment variables");
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < envc; i++) {
            env.put(readString(in), readString(in));
        }
        return new QuickRequest(args, cwd, env, in.readBoolean());
    }

    private static int count(int n, String what) throws IOException {
        if (n < 0 || n > 100_000) {
            throw new IOException("A quick-path request with " + n + " " + what + " is refused.");
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > in.available()) {
            throw new IOException("A quick-path request string of " + len + " bytes runs past the frame.");
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
