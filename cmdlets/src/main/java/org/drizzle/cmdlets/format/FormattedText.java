package org.drizzle.cmdlets.format;

/**
 * Output of Format-Table/Format-List: already-formatted text that Out-Default and Out-String
 * print as is (PowerShell's format objects), and that stringifies to the same text.
 */
public record FormattedText(String text) {
    @Override
    public String toString() {
        return text;
    }
}
