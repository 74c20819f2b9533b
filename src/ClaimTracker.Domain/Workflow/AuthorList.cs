namespace ClaimTracker.Domain.Workflow;

/// <summary>
/// Everyone who changed a claim's working copy since its last approval, in the order they first did: none of them may approve
/// it. Immutable; addresses compare without case. Stored as one address per line (a value, not a collection EF would map).
/// </summary>
public sealed class AuthorList : IEquatable<AuthorList>
{
    public static readonly AuthorList None = new([]);

    private readonly string[] names;

    private AuthorList(string[] names) => this.names = names;

    /// <summary>The addresses, in the order their owners first changed the working copy.</summary>
    public IReadOnlyList<string> Names => names;

    public int Count => names.Length;

    public bool Contains(string? email) => email is not null && names.Contains(email, StringComparer.OrdinalIgnoreCase);

    /// <summary>The list with <paramref name="email"/> added, unless it holds it already.</summary>
    public AuthorList With(string email) => Contains(email) ? this : new AuthorList([.. names, email]);

    /// <summary>The stored form: one address per line.</summary>
    public string Stored => string.Join('\n', names);

    public static AuthorList FromStored(string? stored) =>
        string.IsNullOrEmpty(stored) ? None : new AuthorList(stored.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public bool Equals(AuthorList? other) => other is not null && names.SequenceEqual(other.names, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AuthorList);

    public override int GetHashCode() => Stored.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => string.Join(", ", names);
}
