using System.Reflection;
using System.Text.RegularExpressions;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Data.CompiledModel;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// The app runs on SQLite with a compiled model (built once by migrations/compile-model.sh, not at every start).
/// A compiled model that no longer matches the configuration classes would silently map the old model, so the
/// committed one is compared with what the generator makes of today's configuration.
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed partial class CompiledModelTests
{
    private const string Folder = "src/ClaimTracker.Infrastructure/Data/CompiledModel";

    [Fact]
    public void CommittedCompiledModel_IsWhatTheGeneratorMakesOfTheConfigurationClasses()
    {
        var generated = Generate();
        var folder = Path.Combine(Repository.Root, Folder);
        var committed = Directory.GetFiles(folder, "*.cs").Select(file => Path.GetFileName(file)).Order().ToList();

        Assert.Equal(generated.Keys.Order().ToList(), committed);
        foreach (var (name, code) in generated)
        {
            var expected = WithoutModelId(code);
            var actual = WithoutModelId(File.ReadAllText(Path.Combine(folder, name)));
            Assert.True(expected == actual,
                $"{Folder}/{name} is not what the model's configuration generates today; run migrations/compile-model.sh.");
        }
    }

    [Fact]
    public void Generator_SeesAChangedConfiguration()
    {
        // The comparison above is only worth something if a changed model changes the generated code.
        var generated = Generate();
        var changed = Generate(builder => builder.Entity<ClaimTracker.Domain.Claims.Topic>().Property(t => t.Name).HasMaxLength(7));

        Assert.NotEqual(WithoutModelId(generated["TopicEntityType.cs"]), WithoutModelId(changed["TopicEntityType.cs"]));
        Assert.Contains("maxLength: 7", changed["TopicEntityType.cs"]);
    }

    [Fact]
    public async Task App_OnSqlite_RunsOnTheCompiledModel()
    {
        await using var factory = new ClaimTrackerFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.IsType<AppDbContextModel>(db.Model);
        Assert.True(await db.Statuses.AnyAsync(), "the compiled model maps the tables the migrations made");
    }

    /// <summary>The files `dotnet ef dbcontext optimize` writes, by name (without the assembly attribute the script removes).</summary>
    private static Dictionary<string, string> Generate(Action<ModelBuilder>? change = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=:memory:", buildModel: true);
        if (change is not null)
        {
            options.ReplaceService<IModelCustomizer, ChangedModel>();
            ChangedModel.Change = change;
        }
        using var context = new AppDbContext(options.Options);

        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(context);
        // The provider's design-time services, found the way the `dotnet ef` tool finds them.
        var providerServices = typeof(SqliteDbContextOptionsBuilderExtensions).Assembly
            .GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
        var designTime = (IDesignTimeServices)Activator.CreateInstance(
            typeof(SqliteDbContextOptionsBuilderExtensions).Assembly.GetType(providerServices, throwOnError: true)!)!;
        designTime.ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();

        var generation = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(AppDbContext),
            ModelNamespace = "ClaimTracker.Infrastructure.Data.CompiledModel",
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var files = provider.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(generation)
            .GenerateModel(context.GetService<IDesignTimeModel>().Model, generation);
        return files
            .Where(file => file.Path != "AppDbContextAssemblyAttributes.cs")
            .ToDictionary(file => file.Path, file => file.Code);
    }

    /// <summary>Every generation draws a new model id; nothing else may differ.</summary>
    private static string WithoutModelId(string code) => ModelId().Replace(code.ReplaceLineEndings("\n").TrimStart('\uFEFF'), "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();

    private sealed class ChangedModel(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public static Action<ModelBuilder> Change { get; set; } = _ => { };

        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            Change(modelBuilder);
        }
    }
}
