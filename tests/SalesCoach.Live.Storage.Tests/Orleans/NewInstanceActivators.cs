using Orleans.Serialization.Activators;
using Orleans.Serialization.Serializers;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>Creates default states with their parameterless constructor, as a silo's activator provider does.</summary>
public sealed class NewInstanceActivators : IActivatorProvider
{
    public IActivator<T> GetActivator<T>() => new NewInstance<T>();

    private sealed class NewInstance<T> : IActivator<T>
    {
        public T Create() => Activator.CreateInstance<T>();
    }
}
