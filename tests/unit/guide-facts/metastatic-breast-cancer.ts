/** Key facts from UpToDate "Treatment of metastatic breast cancer (Beyond the Basics)" that the Treatment of metastatic breast cancer guide must contain (checked by tests/unit/guideFacts.test.ts). */
export const FACTS: readonly { fact: string; pattern: RegExp; source: string }[] = [
  // What metastatic means, local recurrence, goals
  {
    fact: 'Metastatic breast cancer can spread to lymph nodes, liver, lung, brain and bone',
    pattern: /bones, the liver, the lungs, the brain/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Also called stage 4 or advanced breast cancer',
    pattern: /"stage 4" or "advanced"/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Metastatic breast cancer usually cannot be cured',
    pattern: /In most cases, metastatic breast cancer cannot be cured/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Treatment can help people live longer, slow the cancer, ease symptoms and improve quality of life',
    pattern:
      /help you live longer[\s\S]{0,80}slow down the cancer[\s\S]{0,80}ease symptoms[\s\S]{0,80}quality of life/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'A local recurrence (breast, chest wall, nearby lymph nodes) is not metastatic cancer',
    pattern:
      /in the breast, in the chest wall, or in the lymph node areas nearby\. A local recurrence is not the same as metastatic cancer/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'After breast-conserving surgery a recurrence can be hard to tell from a new second cancer',
    pattern: /hard to tell whether this is the old cancer returning or a brand-new, second cancer/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'After mastectomy a local recurrence may be a lump on the skin or chest wall',
    pattern: /lump on the skin or on the chest wall/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Cancer can come back in the armpit (axilla)',
    pattern: /armpit[\s\S]{0,40}axilla/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'A new cancer in the other breast is treated as a new cancer, not a recurrence',
    pattern: /new cancer in the other breast is neither a recurrence nor a metastasis/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Local recurrence treatment depends on size, site and earlier radiation; radiation if surgery is not possible',
    pattern: /If an operation is not possible, radiation may be another choice/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Goal of treatment is palliation: feeling as well as possible for as long as possible',
    pattern: /palliation[\s\S]{0,120}as well as possible, for as long as possible/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Local treatments (surgery, radiation) versus systemic treatments',
    pattern: /Local treatments[\s\S]{0,120}Systemic treatments/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // Receptor status
  {
    fact: 'Hormone receptor-positive cancer tends to have better outcomes',
    pattern: /hormone receptor-positive cancer tend to have better outcomes/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Endocrine therapy does not work for hormone receptor-negative cancer',
    pattern: /Endocrine therapy does not work when the cancer is hormone receptor-negative/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'HER2 is present in about one-fifth of breast cancers',
    pattern: /one in five breast cancers|about 20%/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'HER2-low cancers make some HER2 but not enough to be positive',
    pattern: /HER2-low/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Hormone receptor and HER2 status should be retested at relapse',
    pattern: /comes back[\s\S]{0,80}status should be checked again/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // Hormone receptor-positive approach
  {
    fact: 'HR-positive HER2-negative without severe symptoms, life-threatening or visceral disease can start with endocrine therapy',
    pattern: /visceral involvement/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'After menopause or ovaries removed: tamoxifen or an aromatase inhibitor',
    pattern:
      /been through menopause, or your ovaries have been removed,\*\* your endocrine therapy may be tamoxifen or an aromatase inhibitor/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Ovaries can be removed by surgery (oophorectomy)',
    pattern: /oophorectomy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Triptorelin stops the ovaries making estrogen',
    pattern: /triptorelin/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Goserelin stops the ovaries making estrogen',
    pattern: /goserelin/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Leuprolide stops the ovaries making estrogen',
    pattern: /leuprolide/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'These ovary-suppressing drugs are GnRH agonists (corrected from the source)',
    pattern: /GnRH agonists/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Chemotherapy is usually suggested only after two or three endocrine treatments stop working',
    pattern: /two or three endocrine treatments/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // Endocrine drugs
  {
    fact: 'Anastrozole is an aromatase inhibitor',
    pattern: /anastrozole/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Letrozole is an aromatase inhibitor',
    pattern: /letrozole/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Exemestane is an aromatase inhibitor',
    pattern: /exemestane/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Aromatase inhibitors only work after menopause and can raise estrogen if the ovaries work',
    pattern:
      /AIs only work when the ovaries are not making estrogen[\s\S]{0,300}make estrogen levels rise/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'AI side effects: hot flashes, bone thinning and fractures, muscle and joint pain',
    pattern: /thinning of the bones, and broken bones \(fractures\)[\s\S]{0,60}muscles and joints/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Fulvestrant is a SERD',
    pattern: /Fulvestrant is a SERD/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Fulvestrant is two injections into the muscle, one in each buttock, once a month',
    pattern: /two injections at the same time, one into each buttock, once a month/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Fulvestrant side effects: hot flashes, raised liver enzymes, injection site pain, joint pain',
    pattern: /liver enzymes[\s\S]{0,100}pain where the injection went in[\s\S]{0,20}joint pain/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Elacestrant is an oral SERD; nausea in about one-third',
    pattern: /Elacestrant[\s\S]{0,200}one in three people/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Tamoxifen is a SERM taken as a pill, first line for premenopausal women and for men',
    pattern: /Tamoxifen is a SERM[\s\S]{0,200}for men with advanced breast cancer/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Tamoxifen works in well over half; almost all cancers eventually stop responding',
    pattern: /well over half[\s\S]{0,300}almost every cancer stops responding/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Tamoxifen slightly raises clot, uterine bleeding and endometrial cancer risk',
    pattern: /blood clots[\s\S]{0,60}bleeding from the uterus[\s\S]{0,60}endometrial cancer/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Tamoxifen flare starts 2 days to 3 weeks after starting',
    pattern: /2 days to 3 weeks/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Flare can cause bone pain, high blood calcium and skin redness or nodules',
    pattern: /more bone pain[\s\S]{0,80}calcium in the blood[\s\S]{0,100}nodules/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Flares usually settle within 4 to 6 weeks',
    pattern: /4 to 6 weeks/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Many doctors see a flare as a sign endocrine therapy is working',
    pattern: /flare as a sign that the endocrine therapy is working/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Sex steroid hormones (progestins, estrogens, androgens) are third or fourth line and rarely used',
    pattern: /third or fourth line[\s\S]{0,200}rarely used/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // Added to endocrine therapy
  {
    fact: 'Palbociclib is a CDK4/6 inhibitor',
    pattern: /palbociclib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Ribociclib is a CDK4/6 inhibitor',
    pattern: /ribociclib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Abemaciclib is a CDK4/6 inhibitor',
    pattern: /abemaciclib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'CDK4/6 inhibitors are used with the first or second endocrine treatment',
    pattern: /with their first endocrine treatment or with their second/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Continuing the CDK4/6 inhibitor after progression does not help',
    pattern: /simply carrying on with the same CDK4\/6 inhibitor did not help/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Alpelisib for tumors with a PIK3CA mutation, mostly with fulvestrant',
    pattern: /Alpelisib[\s\S]{0,200}PIK3CA/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Everolimus is an mTOR inhibitor used with an AI or tamoxifen',
    pattern: /Everolimus is an mTOR inhibitor/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Combined treatments bring more side effects than one drug',
    pattern: /two medicines together usually brings more side effects/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // HER2
  {
    fact: 'HER2-positive cancer usually gets a HER2 drug plus chemotherapy',
    pattern: /usually treated with a HER2 drug plus chemotherapy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'HER2-positive, HR-positive: HER2 drug with chemo first, then with endocrine therapy',
    pattern:
      /with chemotherapy first, for several cycles\. After that it is given with endocrine therapy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Trastuzumab is a monoclonal antibody',
    pattern: /Trastuzumab is a monoclonal antibody/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Trastuzumab is given IV weekly or every three weeks, or under the skin',
    pattern: /once a week or once every three weeks[\s\S]{0,80}subcutaneously/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Most common trastuzumab side effect is fever and/or chills',
    pattern: /most common are fever, chills, or both/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Heart failure in about 3 to 5 percent of people on trastuzumab',
    pattern: /3 to 5 out of every 100|3% to 5%/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Trastuzumab heart damage may not be permanent',
    pattern: /heart damage may not be permanent/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Caution with trastuzumab in older adults and people with heart problems',
    pattern: /older adults and to people who already have a heart problem/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Pertuzumab added to chemotherapy plus trastuzumab works better; side effect diarrhea',
    pattern: /Pertuzumab[\s\S]{0,700}diarrhea/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Ado-trastuzumab emtansine is an antibody-drug conjugate given alone',
    pattern: /Ado-trastuzumab emtansine is an antibody-drug conjugate/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'T-DM1 side effects: low platelets and peripheral neuropathy',
    pattern: /low platelets[\s\S]{0,150}peripheral neuropathy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Fam-trastuzumab deruxtecan: deruxtecan is a topoisomerase I inhibitor',
    pattern: /deruxtecan is a type of chemotherapy called a topoisomerase I inhibitor/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Fam-trastuzumab deruxtecan works in HER2-low cancer and is given every three weeks',
    pattern: /HER2-low cancers[\s\S]{0,120}once every three weeks/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Fam-trastuzumab deruxtecan can cause potentially fatal lung damage',
    pattern: /lung damage[\s\S]{0,40}life-threatening/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Lapatinib is an oral HER2 tyrosine kinase inhibitor',
    pattern: /lapatinib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Neratinib is an oral HER2 tyrosine kinase inhibitor',
    pattern: /neratinib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Tucatinib is an oral HER2 tyrosine kinase inhibitor',
    pattern: /tucatinib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'HER2 TKI side effects: rash, diarrhea, nausea',
    pattern: /TKIs[\s\S]{0,250}diarrhea, nausea and skin rash/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // Triple-negative, chemotherapy, immunotherapy
  {
    fact: 'Triple-negative metastatic breast cancer is usually treated with chemotherapy',
    pattern: /Triple-negative[\s\S]{0,150}usually treated with chemotherapy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Definitions of "negative" differ',
    pattern: /What counts as "negative" is not the same everywhere/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'A typical chemotherapy cycle is 21 or 28 days',
    pattern: /21 or 28 days/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Usually a single chemotherapy drug is given at a time',
    pattern: /one chemotherapy drug is usually given at a time/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Combination chemotherapy if the cancer grows fast and harms organs, then one drug dropped',
    pattern:
      /two or more chemotherapy drugs are given at the same time[\s\S]{0,250}one drug is stopped/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'All chemotherapy suppresses the bone marrow: anemia and infection risk',
    pattern: /All chemotherapy lowers the work of the bone marrow/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Survival is similar with continuous or intermittent chemotherapy',
    pattern: /Continuous[\s\S]{0,200}Intermittent[\s\S]{0,250}about as long with either approach/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Pembrolizumab works in some triple-negative metastatic breast cancer',
    pattern: /pembrolizumab[\s\S]{0,100}triple-negative/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Pembrolizumab is given IV with chemotherapy every three or six weeks',
    pattern: /every three weeks or every six weeks/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Immune checkpoint inhibitors can affect gut, liver, lungs, skin and hormone glands',
    pattern: /gut, the liver, the lungs, the skin, and the glands that make hormones/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // BRCA
  {
    fact: 'BRCA1 and BRCA2 mutations raise the risk of hereditary breast and ovarian cancer',
    pattern: /BRCA1 and BRCA2[\s\S]{0,250}ovarian cancer/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Olaparib is a PARP inhibitor',
    pattern: /olaparib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Talazoparib is a PARP inhibitor',
    pattern: /talazoparib/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'PARP inhibitors are for HER2-negative disease after chemotherapy (and endocrine therapy if ER-positive)',
    pattern:
      /grown after chemotherapy\. If the cancer is ER-positive, it must also have grown after endocrine therapy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'PARP inhibitors carry a rare risk of acute myelogenous leukemia',
    pattern: /acute myelogenous leukemia[\s\S]{0,80}rare/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // Bone
  {
    fact: 'Bone-modifying agents prevent fractures, spinal cord compression and hypercalcemia of malignancy',
    pattern: /spinal cord compression[\s\S]{0,100}hypercalcemia of malignancy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Zoledronic acid is a bisphosphonate',
    pattern: /zoledronic acid/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Pamidronate is a bisphosphonate',
    pattern: /pamidronate/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Clodronate is a bisphosphonate',
    pattern: /clodronate/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Ibandronate is a bisphosphonate',
    pattern: /ibandronate/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Zoledronic acid is given IV over about 15 minutes',
    pattern: /about 15 minutes/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Pamidronate takes 90 minutes to give',
    pattern: /90 minutes/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Zoledronic acid every three months, or monthly for six months first in some cases',
    pattern: /once every three months[\s\S]{0,200}monthly dose for six months/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Osteonecrosis of the jaw is very rare with three-monthly doses and healthy teeth',
    pattern: /Osteonecrosis of the jaw[\s\S]{0,500}very rare[\s\S]{0,200}teeth are healthy/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Denosumab is a monthly injection under the skin, as effective but much more expensive',
    pattern:
      /Denosumab is given once a month as a subcutaneous injection[\s\S]{0,250}costs much more/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Insurers often require zoledronic acid first',
    pattern: /insurance plans ask that zoledronic acid is tried first/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  // Surgery and radiation, trials, more help
  {
    fact: 'Surgery or radiation to a lesion that causes symptoms or threatens complications (spinal cord, brain, hip)',
    pattern: /spinal cord[\s\S]{0,80}swelling in the brain[\s\S]{0,80}hip/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Local treatment of single-organ metastases has not been shown to improve survival',
    pattern:
      /None of these has been shown to help people with metastatic breast cancer live longer/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'One large radiation trial found no benefit',
    pattern: /One large trial tested radiation[\s\S]{0,120}found no benefit/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Radiofrequency ablation and chemoembolization are options for single-organ disease',
    pattern: /radiofrequency ablation[\s\S]{0,200}chemoembolization/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'National Cancer Institute phone line 1-800-4-CANCER',
    pattern: /1-800-4-CANCER/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'American Cancer Society phone line 1-800-ACS-2345',
    pattern: /1-800-ACS-2345/i,
    source: 'uptodate-metastatic-breast-cancer'
  },

  // Newer evidence and safety
  {
    fact: 'postMONARCH: abemaciclib plus fulvestrant after progression on a CDK4/6 inhibitor improved PFS, HR 0.73',
    pattern: /postMONARCH[\s\S]{0,900}hazard ratio of 0\.73/i,
    source: 'postmonarch-jco-2025'
  },
  {
    fact: 'postMONARCH: median time without growth 6.0 vs 5.3 months',
    pattern: /6\.0 months[^\n]*5\.3 months/i,
    source: 'postmonarch-jco-2025'
  },
  {
    fact: 'postMONARCH was reported at ASCO 2024 and published in the Journal of Clinical Oncology in 2025',
    pattern: /ASCO[^\n]*2024[^\n]*Journal of Clinical Oncology[^\n]*2025/i,
    source: 'postmonarch-jco-2025'
  },
  {
    fact: 'Jaw osteonecrosis: 1.8% on denosumab vs 1.3% on zoledronic acid in pooled trials',
    pattern: /1\.8%[^\n]*denosumab[^\n]*1\.3%[^\n]*zoledronic acid/i,
    source: 'saad-onj-2012'
  },
  {
    fact: 'Have a dental check before starting denosumab or a bisphosphonate',
    pattern: /### Denosumab[\s\S]{0,1500}dental check-up/i,
    source: 'saad-onj-2012'
  },

  // Words explained in plain language
  {
    fact: '"Line" of treatment explained',
    pattern: /each new treatment[^.\n]*is called a "line"/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Topoisomerase I explained as an enzyme cells need to copy their DNA',
    pattern: /topoisomerase I inhibitor\. [^\n]*enzyme[^\n]*DNA/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Radiofrequency ablation explained: a probe heats the tumor with radio waves',
    pattern: /radiofrequency ablation[^\n]*radio waves/i,
    source: 'acs-glossary-rfa'
  },
  {
    fact: 'Immune checkpoints explained as brakes on the immune system',
    pattern: /checkpoints? (?:are|is)[^.\n]*brakes/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'Down-regulators explained: they make the cell break down its estrogen receptors',
    pattern: /down-regulators \(SERDs\)[^\n]*break (?:them|it) down/i,
    source: 'uptodate-metastatic-breast-cancer'
  },
  {
    fact: 'PIK3CA is named without its chemical name',
    pattern: /^(?![\s\S]*phosphatidylinositol)/,
    source: 'uptodate-metastatic-breast-cancer'
  }
]
