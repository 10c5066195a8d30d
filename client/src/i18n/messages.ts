/**
 * Boussole's own interface text, French first. tldraw's menus use tldraw's own translations
 * (served locally from @tldraw/assets), switched by the same language setting.
 */
export const fr = {
  'app.tagline': 'Ateliers collaboratifs pour l’analyse des besoins sociaux',
  'home.title': 'Tableaux',
  'home.empty': 'Aucun tableau pour le moment.',
  'home.new': 'Nouveau tableau',
  'home.newTitle': 'Titre du tableau',
  'home.create': 'Créer',
  'home.template': 'Modèle',
  'home.loadError': 'Impossible de charger la liste des tableaux.',
  'home.createdAt': 'créé le',
  'home.demo.offer': 'Boussole est vide. Voulez-vous charger la démonstration du Val d’Arvière ?',
  'home.demo.load': 'Charger la démonstration',
  'home.demo.loading': 'Chargement de la démonstration…',
  'board.back': 'Tableaux',
  'board.notFound': 'Ce tableau n’existe pas.',
  'board.loading': 'Chargement du tableau…',
  'status.connected': 'Connecté',
  'status.connecting': 'Reconnexion…',
  'status.offline': 'Hors ligne — modifications enregistrées localement',
  'status.closed': 'Déconnecté',
  'people.here': 'Présents',
  'people.you': 'vous',
  'profile.name': 'Votre nom',
  'profile.language': 'Langue',
  'profile.placeholder': 'Prénom ou initiales',
} as const;

export type MessageKey = keyof typeof fr;

export const en: Record<MessageKey, string> = {
  'app.tagline': 'Collaborative workshops for social needs analysis',
  'home.title': 'Boards',
  'home.empty': 'No board yet.',
  'home.new': 'New board',
  'home.newTitle': 'Board title',
  'home.create': 'Create',
  'home.template': 'Template',
  'home.loadError': 'Could not load the list of boards.',
  'home.createdAt': 'created on',
  'home.demo.offer': 'Boussole is empty. Load the Val d’Arvière demo?',
  'home.demo.load': 'Load the demo',
  'home.demo.loading': 'Loading the demo…',
  'board.back': 'Boards',
  'board.notFound': 'This board does not exist.',
  'board.loading': 'Loading the board…',
  'status.connected': 'Connected',
  'status.connecting': 'Reconnecting…',
  'status.offline': 'Offline — changes saved locally',
  'status.closed': 'Disconnected',
  'people.here': 'Here',
  'people.you': 'you',
  'profile.name': 'Your name',
  'profile.language': 'Language',
  'profile.placeholder': 'First name or initials',
};

export type Language = 'fr' | 'en';
export const catalogs: Record<Language, Record<MessageKey, string>> = { fr, en };
