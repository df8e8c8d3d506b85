package org.drizzle.cmdlets.bits;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ConvertFrom-SecureString -Key / ConvertTo-SecureString -Key: AES (128, 192 or 256-bit key)
 * in CBC mode with a random IV; the text is Base64 of IV then ciphertext. It round-trips within
 * Drizzle; Windows' DPAPI form (no -Key) does not exist on Linux.
 */
final class SecureStringKey {
    private SecureStringKey() {
    }

    static byte[] key(Object value) {
        byte[] k = BytesArgument.of(value);
        if (k.length != 16 && k.length != 24 && k.length != 32) {
            throw new IllegalArgumentException("The specified key is not valid. Valid key length settings are either 128 bits, "
                    + "192 bits, or 256 bits (16, 24 or 32 bytes); this one has " + k.length + " bytes.");
        }
        return k;
    }

    static String encrypt(char[] text, byte[] key) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        byte[] plain = new byte[encoded.remaining()];
        encoded.get(plain);
        try {
            byte[] iv = new byte[16];
            new SecureRandom().nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] body = c.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + body.length).put(iv).put(body).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the secure string: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    static char[] decrypt(String text, byte[] key) {
        try {
            byte[] all = Base64.getDecoder().decode(text.trim());
            if (all.length < 32) {
                throw new IllegalArgumentException("short");
            }
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(all, 0, 16));
            byte[] plain = c.doFinal(all, 16, all.length - 16);
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] out = new char[decoded.remaining()];
            decoded.get(out);
            Arrays.fill(plain, (byte) 0);
            return out;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The input string is not an encrypted standard string made with this key "
                    + "(ConvertFrom-SecureString -Key), so it cannot be decrypted.");
        }
    }
}
