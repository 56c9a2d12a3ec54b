"""What every Spil app shares: registries filled from each app's AppConfig.ready(), access policy,
audit, AVG providers and UI helpers. Apps import `spil.core`; core imports no app."""
