using System.Globalization;
using ClaimTracker.Bench;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// ClaimTracker benchmark tool: "generate" fills a database; "write" plays editors against a running app; "serve" is a
// reference server (the saved page from bare Kestrel, or through the output cache alone) measured beside nginx.
var command = args.FirstOrDefault();
string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, "--" + name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

switch (command)
{
    case "generate":
    {
        var path = Path.GetFullPath(Option("db", "bench/.data/claims.db"));
        var claims = Number("claims", 10_000);
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" }).Build();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddOptions<RichTextOptions>();
        services.AddSingleton<HtmlSanitiser>();
        services.AddClaimTrackerDatabase(configuration, Directory.GetCurrentDirectory());
        services.AddScoped<ClaimDetailsQuery>();
        services.AddScoped<StatusScale>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
            await scope.ServiceProvider.GetRequiredService<StatusScale>().EnsureDefaultAsync();
        }
        Console.Error.WriteLine($"generate: {claims:N0} claims into {path} (seed {Number("seed", 42)})");
        var took = await new Generator(provider, claims, Number("seed", 42), Console.Error).RunAsync();
        Console.WriteLine($"generated {claims} claims in {took.TotalSeconds:F1} s");
        return 0;
    }
    case "pick":
    {
        // What the runner points wrk at: a published claim in the middle, and the cursor of the page --depth pages deep.
        var path = Path.GetFullPath(Option("db", "bench/.data/claims.db"));
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(options, $"Data Source={path};Mode=ReadOnly");
        await using var db = new AppDbContext(options.Options);
        var publicClaims = db.Claims.Where(c => c.IsPublic);
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(publicClaims);
        var middle = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            publicClaims.Where(c => c.Id >= total / 2).OrderBy(c => c.Id).Select(c => c.Slug));
        var depth = Math.Min(Number("depth", 1000), Math.Max(1, total / PublicLists.PageSize - 1));
        var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            publicClaims.OrderByDescending(c => c.PublishedStatusSince ?? DateOnly.MinValue).ThenByDescending(c => c.Id)
                .Skip(depth * PublicLists.PageSize - 1).Select(c => new { c.PublishedStatusSince, c.Id }));
        Console.WriteLine($"slug={middle}");
        Console.WriteLine($"depth={depth}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cursor={row.PublishedStatusSince ?? DateOnly.MinValue:yyyyMMdd}-{row.Id}"));
        Console.WriteLine($"public={total}");
        // The topic and the actor with the most public claims: their pages and tallies are the largest readers can ask for.
        var topic = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.PublishedClaimTopics.GroupBy(p => p.Topic!.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key));
        var actor = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.PublishedClaimActors.Where(p => p.Actor!.PublishedName != null).GroupBy(p => p.Actor!.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key));
        Console.WriteLine($"topic={topic}");
        Console.WriteLine($"actor={actor}");
        return 0;
    }
    case "write":
    {
        var result = await WritePath.RunAsync(new Uri(Option("base", "http://127.0.0.1:5080/")), Option("email", Generator.Editor), Option("password", ""),
            Number("claims", 10_000), Number("editors", 8), TimeSpan.FromSeconds(Number("seconds", 30)), Console.Error,
            TimeSpan.FromSeconds(Number("warmup", 0)));
        Console.WriteLine(result);
        return 0;
    }
    case "serve":
        await ReferenceServer.RunAsync(Option("file", ""), Number("port", 5090), args.Contains("--output-cache"));
        return 0;
    default:
        Console.Error.WriteLine("usage: bench generate --db FILE --claims N [--seed S] | pick --db FILE [--depth 1000] | write --base URL --email E --password P --claims N [--editors 8] [--seconds 30] [--warmup 0] | serve --file PAGE --port P [--output-cache]");
        return 2;
}
