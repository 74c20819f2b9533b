namespace ClaimTracker.Domain.Claims;

public enum ActorKind
{
    State,
    GovernmentBody,
    Official,
    ArmedForce,
    Organisation,
    NewsOutlet,
    Person,
}

/// <summary>How an actor takes part in a claim.</summary>
public enum ClaimRole
{
    Claimant,
    Subject,
}

/// <summary>A party's recorded position on a claim.</summary>
public enum Stance
{
    Asserts,
    Confirms,
    Denies,
    DeclinesToComment,
    Retracts,
}

/// <summary>What a source does for a claim.</summary>
public enum SourceStance
{
    Supports,
    Disputes,
    ReportsDenial,
    Context,
}

public enum RelationKind
{
    Contradicts,
    DuplicateOf,
    FollowUpOf,
}

public static class EnumText
{
    public static string Describe(this ActorKind kind) => kind switch
    {
        ActorKind.GovernmentBody => "government body",
        ActorKind.ArmedForce => "armed force",
        ActorKind.NewsOutlet => "news outlet",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Describe(this Stance stance) => stance switch
    {
        Stance.DeclinesToComment => "declines to comment",
        _ => stance.ToString().ToLowerInvariant(),
    };

    public static string Describe(this SourceStance stance) => stance switch
    {
        SourceStance.ReportsDenial => "reports a denial",
        _ => stance.ToString().ToLowerInvariant(),
    };

    public static string Describe(this RelationKind kind) => kind switch
    {
        RelationKind.DuplicateOf => "duplicate of",
        RelationKind.FollowUpOf => "follow-up of",
        _ => "contradicts",
    };
}
