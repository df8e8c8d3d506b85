package org.drizzle.cmdlets.dotnet;

/** System.MidpointRounding: how {@code [math]::Round} breaks a tie (ToEven, .NET's default, is banker's rounding). */
public enum MidpointRounding {
    ToEven, AwayFromZero, ToZero, ToNegativeInfinity, ToPositiveInfinity
}
