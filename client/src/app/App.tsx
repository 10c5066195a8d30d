/** Placeholder shell until the whiteboard lands (issue: the workshop whiteboard). */
export function App() {
  return (
    <main>
      <h1>Boussole</h1>
      <p>Atelier collaboratif pour l’analyse des besoins sociaux (ABS).</p>
      <p>Le serveur temps réel fonctionne ; le tableau blanc arrive bientôt.</p>
    </main>
  );
}
