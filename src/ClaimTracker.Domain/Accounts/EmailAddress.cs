using System.Net.Mail;

namespace ClaimTracker.Domain.Accounts;

/// <summary>Validates and normalises the email address that identifies a staff account.</summary>
public static class EmailAddress
{
    public const int MaxLength = 256;

    /// <summary>
    /// Accepts a bare address (no display name, no spaces) whose domain has at least one dot.
    /// Returns the trimmed address, or null with a message a person can act on.
    /// </summary>
    public static bool TryNormalise(string? input, out string normalised, out string error)
    {
        normalised = string.Empty;
        var candidate = input?.Trim() ?? string.Empty;
        if (candidate.Length == 0)
        {
            error = "Enter an email address.";
            return false;
        }
        if (Text.TextRules.CheckSingleLine("Email", candidate, MaxLength) is { Succeeded: false } rule)
        {
            error = rule.Error;
            return false;
        }
        if (!MailAddress.TryCreate(candidate, out var parsed)
            || !string.Equals(parsed.Address, candidate, StringComparison.Ordinal)
            || candidate.Any(char.IsWhiteSpace)
            || !parsed.Host.Contains('.')
            || parsed.Host.StartsWith('.') || parsed.Host.EndsWith('.')
            // A domain name, and nothing that would change a mailto: link built from it ("x@x.test?subject=…").
            || !parsed.Host.All(c => char.IsLetterOrDigit(c) || c is '-' or '.')
            || candidate.IndexOfAny(['?', '#', '%', '&', '"', '<', '>', '\\']) >= 0)
        {
            error = $"'{candidate}' is not a valid email address (expected something like name@example.org).";
            return false;
        }
        normalised = candidate;
        error = string.Empty;
        return true;
    }
}
