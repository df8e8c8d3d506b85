package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** Issue 15's .NET types: SecureString and credentials, [System.Text.Encoding], URL encoders. */
class CredentialsAndTextTypesTest {
    @Test
    void secureStringsCredentialsAndKeyedRoundTrip() {
        Result r = ScriptHarness.exec("$s = ConvertTo-SecureString 'p@ss' -AsPlainText -Force; \"$s\"; $s.Length; "
                + "$c = New-Object System.Management.Automation.PSCredential('corp\\u', $s); $c.UserName; \"$($c.Password)\"; "
                + "$n = $c.GetNetworkCredential(); $n.UserName; $n.Password; $n.Domain; "
                + "$c2 = [System.Management.Automation.PSCredential]::new('v', $s); $c2.GetNetworkCredential().Password; "
                + "$k = [byte[]](1..32); $e = ConvertFrom-SecureString $s -Key $k; $e -ne 'p@ss'; "
                + "ConvertTo-SecureString $e -Key $k | ConvertFrom-SecureString -AsPlainText; $c | ConvertTo-Json -Compress");
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("System.Security.SecureString", "4", "corp\\u", "System.Security.SecureString",
                "u", "p@ss", "corp", "p@ss", "True", "p@ss", "{\"UserName\":\"corp\\\\u\",\"Password\":\"System.Security.SecureString\"}");
    }

    @Test
    void secureStringRefusalsAreClear() {
        assertThat(ScriptHarness.exec("ConvertTo-SecureString 'x' -AsPlainText").err()).contains("specifying the Force parameter");
        assertThat(ScriptHarness.exec("ConvertTo-SecureString 'x'").err()).contains("DPAPI").doesNotContain("java.");
        assertThat(ScriptHarness.exec("ConvertTo-SecureString 'AAAA' -Key (1..16)").err()).contains("cannot be decrypted");
        assertThat(ScriptHarness.exec("ConvertFrom-SecureString (ConvertTo-SecureString 'x' -AsPlainText -Force) -Key (1..5)").err())
                .contains("Valid key length");
    }

    @Test
    void encodingsAndUrlEncoders() {
        Result r = ScriptHarness.exec("[System.Text.Encoding]::UTF8.GetBytes('hé').Length; "
                + "[System.Text.Encoding]::UTF8.GetString([System.Text.Encoding]::UTF8.GetBytes('hé')); "
                + "[Text.Encoding]::ASCII.GetBytes('AB') -join ','; [System.Text.Encoding]::Unicode.GetByteCount('ab'); "
                + "[System.Web.HttpUtility]::UrlEncode('a b&c/é'); [System.Net.WebUtility]::UrlEncode('a b&c/é'); "
                + "[System.Web.HttpUtility]::UrlDecode('a+b%26c'); [uri]::EscapeDataString('a b&c'); "
                + "[System.Net.WebUtility]::HtmlEncode('<a & \"b\">')");
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("3", "hé", "65,66", "4", "a+b%26c%2f%c3%a9", "a+b%26c%2F%C3%A9", "a b&c", "a%20b%26c",
                "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
