using System.Security.Cryptography;

namespace ClaimTracker.Domain.Accounts;

/// <summary>
/// Length beats composition rules: a password needs at least <see cref="MinimumLength"/> characters
/// and a few distinct ones, nothing else. Generated passwords are long and random.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MinimumUniqueCharacters = 4;
    public const int GeneratedLength = 20;

    /// <summary>Longer input is refused before hashing, so nobody makes the server hash megabytes.</summary>
    public const int MaxLength = 256;

    /// <summary>Sign-in failures that lock an account, and for how long.</summary>
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // No look-alikes (0/O, 1/l/I) so a password read off a console can be typed.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, GeneratedLength);

    /// <summary>Why the password falls short of the policy, or an empty list when it meets it.</summary>
    public static IReadOnlyList<string> Check(string? password)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            problems.Add($"The password must have at least {MinimumLength} characters.");
        }
        if (password is not null && password.Distinct().Count() < MinimumUniqueCharacters)
        {
            problems.Add($"The password must use at least {MinimumUniqueCharacters} different characters.");
        }
        return problems;
    }
}
