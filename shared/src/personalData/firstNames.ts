/**
 * First names the detector recognises as people.
 *
 * Provenance and licence: compiled by the Boussole contributors from their own knowledge of
 * the first names given in France over the last century (traditional French names, recent
 * ones, compound names, and the names of families from the Maghreb, West and Central Africa,
 * the Iberian and Italian peninsulas, Turkey, Eastern Europe and Asia who live in France),
 * released under the project's licence (AGPL-3.0-or-later); about 1,500 names. It is not
 * derived from the INSEE "Fichier des prénoms" (Licence Ouverte / Etalab 2.0): no package on the
 * npm registry that we found ships it or a subset of it (looked at: @zxcvbn-ts/language-fr,
 * whose list mixes first names and surnames without a stated source, and @faker-js/faker,
 * whose French list is a few hundred names), and this project reaches no other source.
 * The names that are also French words were found by comparing the list with the
 * an-array-of-french-words package (MIT), used once for that check and not shipped.
 *
 * Names are written as people write them; the detector compares them without case or accents.
 * Compound names ("Marie-Claire") need not be listed: a hyphenated word made only of listed
 * names is a first name.
 */

const womenTraditional = `
Adèle Adeline Adrienne Agathe Agnès Albertine Alexandra Alexandrine Alice Aline Alix Amandine
Amélie Anaïs Andrée Angèle Angélique Anne Annette Annick Annie Antoinette Arlette Armelle Astrid
Aude Audrey Augustine Aurélie Berthe Bérénice Bernadette Brigitte Camille Carole Caroline
Catherine Cécile Céline Chantal Christelle Christiane Christine Claudette Claudine Clotilde
Colette Coralie Corinne Cyrielle Danièle Danielle Delphine Denise Diane Dominique Édith Éléonore
Éliane Élisabeth Élise Élodie Émilie Emmanuelle Estelle Eugénie Évelyne Fabienne Florence
Françoise Francine Frédérique Gabrielle Geneviève Georgette Germaine Ghislaine Gilberte
Ginette Gisèle Hélène Henriette Huguette Irène Isabelle Jacqueline Jeanne Jeannine Jocelyne
Joëlle Josette Josiane Joséphine Judith Julie Juliette Justine Laetitia Laure Laurence Léonie
Liliane Lucette Lucie Lucienne Madeleine Marcelle Marguerite Marianne Marie Marielle Marine
Marinette Marion Marthe Martine Maryse Mathilde Maud Micheline Michèle Mireille Monique
Muriel Murielle Nadège Nadine Nathalie Nicole Odette Odile Paulette Pauline Pierrette Raymonde
Régine Renée Sabine Sandrine Simone Solange Sophie Stéphanie Suzanne Suzette Sylvie Thérèse
Valérie Véronique Virginie Viviane Yolande Yvette Yvonne Agnès Albane Annabelle Anne-Marie
Ariane Bénédicte Blandine Capucine Carine Cassandre Charlotte Clémence Constance Cunégonde
Edwige Élisa Eliane Emeline Émeline Éva Ève Fanny Félicie Flavie Gaëlle Gwenaëlle Hortense
Ingrid Jessica Jordane Karine Katia Laurie Léa Léontine Lise Lisette Lorette Louisette Lydie
Lydia Maëlle Magali Maïté Manon Marjorie Marlène Mélanie Morgane Myriam Noémie Océane Ophélie
Patricia Perrine Priscilla Rachel Rébecca Roseline Roselyne Sabrina Salomé Séverine Sonia
Sylviane Tiphaine Vanessa Victoire Viviane Yasmina Gaëtane Hermine Honorine Jacinthe Léocadie
Ludivine Mauricette Micheline Nicolette Rolande Sidonie Noëlle Marie-Thérèse Marie-José
Marie-France Marie-Claude Marie-Christine Anne-Sophie Anne-Laure Marie-Laure Marie-Hélène
`;

const womenRecent = `
Adélaïde Agathe Alba Alexia Alicia Alizée Alya Ambre Anaëlle Angelina Anna Apolline Aria
Ashley Assia Aurore Axelle Ayana Bianca Calista Candice Capucine Célia Céleste Chaïma Chloé
Clara Clarisse Clémentine Cléa Coline Daphné Deborah Déborah Élina Eliana Ella Ellie Elsa
Elyne Emma Emmy Enola Erine Eléna Elena Esther Eva Eve Faustine Flora Gabriella Gaïa Giulia
Hanaé Héloïse Inaya Inès Iris Isaure Jade Jeanne Jessy Joanna Juliana Julia Kelly Kiara
Lana Laura Laurine Léana Léane Léna Léonore Lila Lilas Lily Lilou Lina Lison Livia Lola Lou
Louane Louisa Louise Louna Lucile Lucille Luna Lya Maddie Maëlys Maëva Maïa Maïwenn Margaux
Margot Marina Maryam Mathilde Maya Mélissa Mélina Mélodie Méline Mia Milla Mila Nina Noa
Noémie Nola Norah Olivia Paloma Pénélope Romane Romy Rose Sacha Sarah Sara Sasha Selena
Shana Sixtine Soline Solène Stella Suzie Tess Thaïs Valentine Victoria Violette Yaëlle Zélie
Zoé Zoe Cindy Kimberley Kimberly Jennifer Jenny Sandy Sonia Tatiana Vanille Wendy Mégane
Meghan Morgane Cassandra Laly Nélia Océane Oriane Orlane Perrine Typhaine Anaïs Laly Kenza
`;

const menTraditional = `
Achille Adolphe Adrien Alain Albert Alexandre Alexis Alfred Alphonse André Antoine Aristide
Armand Arnaud Arsène Auguste Augustin Aurélien Baptiste Barthélemy Basile Benoît Bernard
Bertrand Blaise Boris Bruno Camille Cédric Charles Christian Christophe Claude Clément Cyril
Cyrille Damien Daniel David Denis Didier Dominique Édouard Edmond Émile Emmanuel Éric Étienne
Eugène Fabien Fabrice Félix Ferdinand Fernand Florent Florian Francis François Franck Frédéric
Gaston Gaétan Gaëtan Geoffrey Georges Gérald Gérard Germain Ghislain Gilbert Gilles Grégoire
Grégory Guillaume Guy Gustave Henri Hervé Honoré Hubert Hugues Jacques Jean Jérémie Jérôme
Joël Joseph Jules Julien Justin Laurent Léon Léonard Léopold Lionel Loïc Louis Luc Lucien
Marc Marcel Marius Martial Martin Mathieu Matthieu Maurice Maxime Michel Nicolas Noël Norbert
Octave Olivier Pascal Patrice Patrick Paul Philippe Pierre Quentin Raoul Raphaël Raymond Régis
Rémi Rémy René Richard Robert Roger Roland Romain Samuel Sébastien Serge Simon Stéphane
Sylvain Thibault Thibaut Thierry Thomas Tristan Valentin Victor Vincent Xavier Yann Yannick
Yves Yvon Amaury Anatole Anselme Antonin Apollinaire Aubin Benjamin Brice Cyprien Côme
Dimitri Éloi Émilien Évariste Fabrice Firmin Gabriel Gautier Gauthier Gédéon Gervais Gilbert
Hector Hippolyte Ignace Isidore Jean-Baptiste Jean-Claude Jean-François Jean-Louis Jean-Luc
Jean-Marc Jean-Marie Jean-Michel Jean-Paul Jean-Pierre Jean-Philippe Jean-Jacques Jean-Yves
Jocelyn Josselin Killian Kilian Laurian Léandre Ludovic Marcelin Marceau Maximilien Médéric
Narcisse Nestor Pacôme Perceval Philibert Prosper Rodolphe Rodrigue Sylvestre Thaddée
Théodore Théophile Timothée Urbain Valère Valéry Vivien Wilfried Yvan Yves-Marie Hilaire
Fernand Lucas Olivier Didier Jacky Jackie Johnny Jimmy Dylan Kévin Kevin Anthony Steve Steven
Mickaël Michaël Michael Ludovic Jonathan Jordan Jérémy Jérémie Mathias Matthias Morgan
`;

const menRecent = `
Aaron Adam Aedan Alban Aloïs Amir Anas Andrea Antonin Aristide Arthur Augustin Axel Ayden Bastien
Benoît Brayan Calixte Charly Clovis Corentin Damien Eden Eliott Elliot Elias Éliott Émilio Ethan
Evan Ewan Enzo Erwan Esteban Eythan Gabin Gaspard Gianni Hugo Ilan Ilyan Isaac Ismaël Jason
Jayden Joachim Joan Johan Jonas Jordy Joris Jules Kaïs Kenzo Kylian Kyllian Léo Léon Léandro
Lenny Liam Lilian Loan Logan Loris Louka Luca Lucas Lukas Malo Marceau Marius Marvin Mathéo
Matheo Mathis Matis Mattéo Matteo Maxence Maxime Milan Nael Naël Nathan Nathanaël Néo Noah
Noam Noé Nolan Oscar Owen Paolo Pablo Raphaël Rayan Robin Romain Ruben Sacha Samuel Sasha
Simon Soan Tao Théo Thiago Tim Timéo Timothé Tom Tommy Tristan Ulysse Valentin Victor Wassim
Willy William Yanis Yannis Yoan Yohan Yoann Youri Ylan Zacharie Baptiste Côme Gaël Gwendal
Kylian Titouan Tiago Evann Killian Mael Maël Maxens Mathys Lorenzo Alessio Andréa Gianni
Alexandre Alexis Anthony Dorian Florian Jimmy Kevin Kévin Loïc Ludovic Mickael Rudy Sylvio
Brandon Bryan Cyril Dany Dylan Frédy Gary Grégory Henry Harry Jérémy Jessy Jordan Kenny Teddy
`;

const maghrebAndMiddleEast = `
Abdallah Abdel Abdelaziz Abdelhak Abdelkader Abdelkrim Abdellah Abdelmalek Abdou Abderrahmane
Adel Ahmed Aïcha Aïda Akim Ali Amal Amel Amina Amine Amir Amira Anissa Anouar Asma Assia Ayoub
Aziz Aziza Badr Bilal Boualem Brahim Chafik Chahinez Chaïma Chérif Dalila Djamel Djamila Djibril
Driss Dounia Farah Farid Farida Fatiha Fatima Fatma Fayçal Férial Ferhat Habib Hadja Hafid
Hakim Halima Hamid Hamza Hanane Hassan Hassina Hayat Hicham Hind Hocine Houria Houda Ibrahim
Idir Ilham Ilyas Ilyes Imane Imène Inès Ismaïl Jamal Jamel Jamila Kader Kamel Kamal Karim
Karima Kenza Khadija Khalid Khaled Lahcen Lakhdar Latifa Leïla Lila Lotfi Lounès Lyes Lynda
Madjid Mahmoud Malek Malika Malik Mariam Marwa Maryam Mehdi Meriem Messaoud Mohamed Mohammed
Mohand Mokhtar Mouloud Mounia Mounir Mourad Mustapha Nabil Nacer Nadia Nadir Nadjet Naïma
Najat Nasser Nassim Nawel Nesrine Nora Nordine Nouria Nour Nourredine Noureddine Omar Othmane
Oussama Rabah Rachid Rachida Rahma Rania Rayane Redouane Réda Riad Ryad Sabrina Saïd Saïda
Salah Salim Salima Salma Samia Samir Samira Sarah Selma Sihem Slimane Smaïl Sofia Sofiane
Soraya Souad Soufiane Sonia Tahar Taïeb Tarek Tarik Walid Wassila Yacine Yamina Yasmina
Yasmine Yassine Yassir Youcef Youssef Younès Zahia Zahra Zakaria Zineb Zohra Zoubir Abdelhamid
Aïssa Aïssatou Amar Arezki Belkacem Bouchra Chems Djilali Fouad Ghania Hadi Hafsa Ikram Inès
Kheira Lamia Larbi Lina Loubna Mehdi Miloud Mounira Nassima Ouardia Rafik Rym Saliha Sami
Tassadit Wahiba Yanis Yousra Zoubida Amine Anis Farès Ilias Imran Ismail Lamine Mathis Rayan
Adam Ayman Aymen Wael Wissem Ziad Nizar Hadrien Kaïs Kamelia Lyna Malak Meryem Nahia Sirine
`;

const africaSubSaharan = `
Abdoulaye Adama Aïssata Alassane Alpha Amadou Aminata Aminatou Assane Awa  Babacar Bakary
Binta Boubacar Bintou Cheikh Cheick Coumba Daouda Demba Djeneba Fanta Fatou Fatoumata Fodé
Habib Hawa Ibrahima Idrissa Issa Kadiatou Kadidia Khady Lamine Malick Mamadou Mame Mariama
Mariame Modibo Moussa Mory Moustapha Ndeye Nafissatou Ousmane Oumar Oumou  Rokia Salif
Samba Sékou Seydou Siaka Souleymane Tidiane Yacouba Youssouf Aboubacar Alioune Aliou Astou
Bineta Dieynaba Djenaba Fatimata Hadiza Kadi Maïmouna Mariétou Moctar Ndèye Ramata Sidi
Aïssatou Yaya Samira Grâce Merveille Divine Exaucé Prince Christ-Vie Dieudonné Emmanuella
Précieuse Bénie Chancelle Glodie Jonathan Patience Ornella Nelly Josué Bienvenu Blessing
Kofi Kwame Ama Ngozi Chinedu Olumide Oluwaseun Adebayo Abena Yaw  Koffi Yao Amani
`;

const iberianItalian = `
Adriana Agostinho Alberto Alessandra Alessandro Alfonso Álvaro Amália Ana Andreia Ângela
Antonio António Beatriz Bruna Carla Carlos Carmen Catarina Cristina Daniela Diego Domingos
Eduardo Elisa Emilia Enrique Fabio Fábio Federico Fernanda Fernando Filipa Francesca Francesco
Francisco Gabriela Giovanni Giuseppe Gonçalo Guilherme Helena Inês Isabel Javier Joana João
Joaquim Jorge José Josefa Juan Juana Julio Lorenzo Luca Lucia Luigi Luis Luís Luisa Manuel
Manuela Marco Marcos Maria Mário Mario Marta Matteo Miguel Nuno Pablo Paola Paolo Patrícia
Paula Paulo Pedro Rafael Raquel Ricardo Rita Roberto Rodrigo Rosa Rui Salvatore Sandra Sara
Sérgio Sergio Sofia Susana Teresa Tiago Valentina Vasco Vítor Vittorio Angelo Antonella
Concetta Giorgio Giulia Giuliana Marcello Massimo Mauro Nicola Pietro Raffaele Stefano
Vincenzo Dolores Consuelo Pilar Mercedes Rocío Lucía Inmaculada Jesús Alejandro Ignacio
`;

const turkishEasternEuropeanAsian = `
Ahmet Ali Aylin Ayşe Aysel Berk Burak Cem Deniz Ebru Elif Emel Emine Emre Erkan Esra Fatih
Fatma Gökhan Gül Hakan Hatice Hülya Hüseyin İbrahim Kemal Kübra Mehmet Melek Merve Murat
Mustafa Neslihan Nur Ömer Orhan Özlem Recep Selim Serkan Sevgi Sinan Tuncay Yasin Yusuf Zeynep
Agnieszka Aleksander Aleksandra Alina Anastasia Andrzej Anja Bogdan Dariusz Dmitri Ekaterina
Elena Galina Igor Ioana Irina Ivan Jan Janusz Katarzyna Kasia Krzysztof Ludmila Magdalena
Małgorzata Marek Marta Michał Mihai Mikhaïl Nadia Natalia Natacha Natasha Nikolaï Oksana Olga
Oleg Paweł Piotr Radu Sergueï Sergiu Stanislas Svetlana Tomasz Vasile Viktor Vladimir Wojciech
Youri Yulia Zofia Arben Besnik Dritan Ardita Arta Ardian Florin Ionel Gheorghe Constantin
Anh Bao Binh Chau Duc Dung Hoa Hung Huong Khanh Lan Linh  Mai-Anh Minh  Ngoc Phuong
Quang Thanh Thao Thuy Trang Tuan  Vinh Xuan Ying Li Wei Mei Hui Jun Xiao Lin Chen-Yu
Sovann Sophal Dara Vanna Rithy Kim Narith Sokha Lakshmi Priya Rajesh Ravi Sanjay Sunil Arjun
Ashwin  Anjali Deepa Naveen Prakash Aram Anahit Armen Ani Gayané Tigran Vardan 
`;

const angloAndOthers = `
Alan Allan Andy Angela Barbara Betty Bill Billy Bob Brenda Brian Carol Cathy Charlie Chris
Christopher Daisy Debbie Donald Doris Dorothy Eddie Edward Elizabeth Emily Eric Erik Frank
Fred Freddy Gordon Grace Hannah Harold Helen Henry Jack Jackson James Jane Janet Jeff Jenny
Jim John Johnny Joyce Karen Kate Katie Ken Kenneth Kevin Larry Laura Linda Lisa Lucy Margaret
Mark Mary Matthew Megan Melissa Michael Nancy Neil Nick Oliver Patrick Peggy Peter Philip
Rachel Rebecca Richard Rob Robert Ronald Ruth Ryan Sally Samantha Sandra Scott Sean Sharon
Shirley Stephen Steve Stuart Susan Terry Tony Tracy Walter Wendy Will William Kristen Kirsten
Lars Sven Nils Ingrid Astrid Björn Erik Hans Klaus Jürgen Helmut Karl Greta Heidi Ursula
Uwe Wolfgang Dieter Gunther Sigrid Yolanda Shirin Leyla Darius Cyrus Reza Mahsa Niloufar Parisa
Yael Yaël David Ilan Elie Élie Esther Myriam Nathan Noam Rivka Ruth Salomon Shlomo Sarah Avi
`;

/**
 * Names that are also common French words, places, holidays or brands (checked against a French
 * word list: "Manuel", "Ravi", "Mélodie", "Clémentine"…). They are people
 * only with a title ("M. Pierre") or a capitalised surname ("Pierre Durand"), or when
 * capitalised in the middle of a sentence ("j'ai vu Pierre") — never alone at the start of
 * a sentence, where every word is capitalised ("Pierre et béton…").
 */
const ambiguousNames = `
Pierre Claire Rose Aimé Aimée Margot Olive Ambre Jade Iris Fleur Capucine Violette Garance
Aurore Céleste Constant Prudence Patience Félicité Modeste Juste Clément Clémence Romain Germain
Colin Marin Marc Max Maxime Olivier Amine Auguste Désiré Désirée Fidèle Parfait Honoré Fortuné
Bienvenu Sauveur Urbain Aimable Vital Prosper Ange Blanche Perle Cerise Prune Avril Vanille
Merveille Divine Précieuse Bénie Grâce Prince Lys Lilas Eden Martial Narcisse Hermine Jacinthe Octave Océane Aude Laure Salomon Léger
Franck Frank Will Bill Grace Dieudonné Benjamin Marine Victoire Constance Denis Sacha Clarisse
Kim Li Lin Jun Mai-Anh Mame Ama Yao Jan Nur Gül Deniz Cem Alpha
Manuel Ravi Mélodie Clémentine Angélique Madeleine Marguerite Charlotte Germaine Romane Victoria
Sylvestre Richard Serge Guillaume Pascal Anis Amadou Samba Moussa Duc Bob Jack Peter Chancelle
Lamine Florin Nadir Oscar Brandon Henry Doris Aria Néo Hilaire Benoît Sylvain Vanna Luis Rosa
Férial Chérif Micheline Véronique Robert Murat Élise Diane Marina Maya Loris
`;

/**
 * Names that are, in these texts, far more often a place, a holiday, an institution or a
 * brand ("en France", "à Noël", "France Travail"): people only after a title.
 */
const titleOnlyNames = `
France Noël Toussaint Florence Nancy Lourdes Valence Vienne Paris Orange Mercedes Chanel
Lorraine Jordan Sidi Divine Christ-Vie Blessing Merveille Patience Exaucé Arta Milan
`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

/** Every listed first name, as written (the ambiguous and title-only ones included). */
export const frenchFirstNames: readonly string[] = [
  ...new Set(
    words(
      womenTraditional +
        womenRecent +
        menTraditional +
        menRecent +
        maghrebAndMiddleEast +
        africaSubSaharan +
        iberianItalian +
        turkishEasternEuropeanAsian +
        angloAndOthers +
        ambiguousNames +
        titleOnlyNames,
    ),
  ),
];

export const ambiguousFirstNames: readonly string[] = words(ambiguousNames);
export const titleOnlyFirstNames: readonly string[] = words(titleOnlyNames);
