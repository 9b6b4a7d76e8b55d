/**
 * Name pools for the overseas affiliates. Entries are `native|latin` where the native script is not Latin,
 * and `male/female` where a family name has gendered forms (Polish, Czech, Malay patronymics).
 */
import type { NameOrder } from "../shared/enums";

export interface NamePoolSource {
  order: NameOrder;
  family: string;
  male: string;
  female: string;
}

export const WORLD_POOLS = {
  en: {
    order: "given_first",
    family:
      "Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Taylor,Anderson,Thomas,Moore,Martin,Jackson," +
      "Thompson,White,Harris,Clark,Lewis,Walker,Hall,Young,King,Wright,Scott,Green,Baker,Adams,Nelson,Hill," +
      "Campbell,Mitchell,Roberts,Carter,Phillips,Evans,Turner,Parker,Collins,Edwards,Stewart,Morris,Murphy," +
      "Cook,Rogers,Reed,Bailey,Cooper,Garcia,Patel,Nguyen,Kim,O'Brien,Hughes,Kelly,Ward,Bennett,Gray,Price",
    male:
      "James,John,Robert,Michael,William,David,Richard,Joseph,Thomas,Christopher,Daniel,Matthew,Andrew,Joshua," +
      "Ryan,Brian,Kevin,Jason,Eric,Benjamin,Samuel,Oliver,Jack,Harry,George,Liam,Noah,Ethan,Lucas,Nathan",
    female:
      "Mary,Jennifer,Linda,Elizabeth,Susan,Jessica,Sarah,Karen,Emily,Emma,Olivia,Sophie,Charlotte,Amelia," +
      "Grace,Hannah,Laura,Rachel,Megan,Amanda,Michelle,Rebecca,Lauren,Chloe,Isabella,Ava,Ashley,Nicole,Zoe,Ruby",
  },
  de: {
    order: "given_first",
    family:
      "Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,Bauer,Richter," +
      "Klein,Wolf,Schröder,Neumann,Schwarz,Zimmermann,Braun,Krüger,Hofmann,Hartmann,Lange,Werner,Krause,Lehmann",
    male: "Lukas,Leon,Jonas,Felix,Maximilian,Paul,Tobias,Stefan,Andreas,Michael,Thomas,Markus,Florian,Sebastian,Jan,Christian,Matthias,Daniel",
    female:
      "Anna,Laura,Lea,Lena,Julia,Sarah,Katharina,Sabine,Andrea,Claudia,Stefanie,Nicole,Johanna,Sophie,Marie,Hannah,Lisa,Melanie",
  },
  fr: {
    order: "given_first",
    family:
      "Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Lefebvre,Michel," +
      "Garcia,David,Bertrand,Roux,Vincent,Fournier,Morel,Girard,André,Mercier,Dupont,Lambert,Bonnet,François",
    male: "Lucas,Hugo,Louis,Gabriel,Arthur,Nicolas,Julien,Pierre,Antoine,Thomas,Mathieu,Sébastien,Alexandre,Maxime,Romain,Jean,Philippe,Olivier",
    female:
      "Camille,Léa,Manon,Chloé,Emma,Inès,Julie,Marie,Sophie,Claire,Céline,Aurélie,Élodie,Nathalie,Isabelle,Sandrine,Charlotte,Pauline",
  },
  nl: {
    order: "given_first",
    family:
      "de Jong,Jansen,de Vries,van den Berg,van Dijk,Bakker,Janssen,Visser,Smit,Meijer,de Boer,Mulder," +
      "de Groot,Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer",
    male: "Daan,Sem,Lucas,Levi,Thijs,Jesse,Bram,Ruben,Lars,Tim,Sander,Pieter,Jeroen,Bas,Martijn,Wouter",
    female: "Emma,Julia,Sophie,Lotte,Anouk,Femke,Sanne,Lisa,Eva,Fleur,Iris,Marieke,Esther,Linda,Ingrid,Noor",
  },
  it: {
    order: "given_first",
    family:
      "Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Costa",
    male: "Marco,Luca,Giuseppe,Alessandro,Andrea,Francesco,Matteo,Lorenzo,Davide,Stefano",
    female: "Giulia,Francesca,Sara,Chiara,Martina,Valentina,Alessia,Elena,Federica,Silvia",
  },
  es: {
    order: "given_first",
    family:
      "García,Fernández,González,Rodríguez,López,Martínez,Sánchez,Pérez,Gómez,Martín,Jiménez,Ruiz,Hernández,Díaz,Moreno,Torres,Ramírez,Flores",
    male: "Alejandro,Daniel,Pablo,Javier,David,Carlos,Sergio,Manuel,Adrián,Jorge,Luis,Miguel",
    female: "Lucía,María,Laura,Paula,Marta,Sara,Ana,Elena,Carmen,Cristina,Sofía,Valeria",
  },
  pt: {
    order: "given_first",
    family:
      "Silva,Santos,Oliveira,Souza,Rodrigues,Ferreira,Alves,Pereira,Lima,Gomes,Costa,Ribeiro,Martins,Carvalho,Almeida",
    male: "João,Pedro,Lucas,Gabriel,Mateus,Rafael,Felipe,Gustavo,Bruno,Thiago",
    female: "Ana,Maria,Juliana,Fernanda,Camila,Beatriz,Larissa,Mariana,Gabriela,Letícia",
  },
  pl: {
    order: "given_first",
    family:
      "Nowak,Kowalski/Kowalska,Wiśniewski/Wiśniewska,Wójcik,Kowalczyk,Kamiński/Kamińska," +
      "Lewandowski/Lewandowska,Zieliński/Zielińska,Szymański/Szymańska,Woźniak,Dąbrowski/Dąbrowska,Mazur,Krawczyk",
    male: "Jan,Piotr,Krzysztof,Tomasz,Paweł,Michał,Marcin,Jakub,Adam,Łukasz",
    female: "Anna,Katarzyna,Małgorzata,Agnieszka,Magdalena,Joanna,Monika,Aleksandra,Natalia,Zofia",
  },
  cs: {
    order: "given_first",
    family:
      "Novák/Nováková,Svoboda/Svobodová,Novotný/Novotná,Dvořák/Dvořáková,Černý/Černá,Procházka/Procházková," +
      "Kučera/Kučerová,Veselý/Veselá,Horák/Horáková,Němec/Němcová",
    male: "Jan,Jakub,Tomáš,Petr,Martin,Lukáš,Pavel,Jiří,Ondřej,David",
    female: "Jana,Eva,Lucie,Tereza,Kateřina,Petra,Veronika,Markéta,Lenka,Barbora",
  },
  sv: {
    order: "given_first",
    family:
      "Andersson,Johansson,Karlsson,Nilsson,Eriksson,Larsson,Olsson,Persson,Svensson,Gustafsson,Lindberg,Lindqvist",
    male: "Erik,Lars,Anders,Johan,Karl,Per,Oscar,William,Lucas,Filip,Gustav,Axel",
    female: "Anna,Eva,Maria,Karin,Sara,Emma,Elsa,Maja,Ebba,Linnea,Astrid,Ida",
  },
  zhCN: {
    order: "family_first",
    family:
      "王|Wang,李|Li,张|Zhang,刘|Liu,陈|Chen,杨|Yang,黄|Huang,赵|Zhao,吴|Wu,周|Zhou,徐|Xu,孙|Sun,马|Ma,朱|Zhu,胡|Hu," +
      "郭|Guo,何|He,林|Lin,罗|Luo,高|Gao,郑|Zheng,梁|Liang,谢|Xie,宋|Song,唐|Tang,韩|Han,冯|Feng,邓|Deng,曹|Cao,彭|Peng",
    male:
      "伟|Wei,强|Qiang,磊|Lei,军|Jun,洋|Yang,勇|Yong,杰|Jie,涛|Tao,明|Ming,超|Chao,浩然|Haoran,子轩|Zixuan," +
      "宇航|Yuhang,俊杰|Junjie,建华|Jianhua,志强|Zhiqiang,晓东|Xiaodong,鹏|Peng,斌|Bin,刚|Gang",
    female:
      "芳|Fang,娜|Na,敏|Min,静|Jing,丽|Li,艳|Yan,秀英|Xiuying,婷|Ting,雪|Xue,慧|Hui,欣怡|Xinyi,梓涵|Zihan," +
      "诗涵|Shihan,晓燕|Xiaoyan,丹|Dan,玲|Ling,佳怡|Jiayi,雨萱|Yuxuan,倩|Qian,琳|Lin",
  },
  zhTW: {
    order: "family_first",
    family:
      "陳|Chen,林|Lin,黃|Huang,張|Chang,李|Lee,王|Wang,吳|Wu,劉|Liu,蔡|Tsai,楊|Yang,許|Hsu,鄭|Cheng,謝|Hsieh," +
      "郭|Kuo,洪|Hung,曾|Tseng,周|Chou",
    male: "志明|Chih-Ming,家豪|Chia-Hao,冠宇|Kuan-Yu,俊傑|Chun-Chieh,建宏|Chien-Hung,宗翰|Tsung-Han,承恩|Cheng-En,彥廷|Yen-Ting,柏翰|Po-Han,信宏|Hsin-Hung",
    female:
      "怡君|Yi-Chun,雅婷|Ya-Ting,淑芬|Shu-Fen,美玲|Mei-Ling,詩涵|Shih-Han,佳穎|Chia-Ying,欣妤|Hsin-Yu,雅雯|Ya-Wen,宜蓁|Yi-Chen,郁婷|Yu-Ting",
  },
  zhHK: {
    order: "family_first",
    family:
      "陳|Chan,李|Lee,張|Cheung,黃|Wong,劉|Lau,林|Lam,梁|Leung,何|Ho,吳|Ng,鄭|Cheng,蔡|Choi,楊|Yeung,周|Chow,馮|Fung",
    male: "家明|Ka Ming,志偉|Chi Wai,俊傑|Chun Kit,偉強|Wai Keung,國榮|Kwok Wing,文傑|Man Kit,浩賢|Ho Yin,子軒|Tsz Hin",
    female:
      "嘉欣|Ka Yan,詠詩|Wing Sze,美玲|Mei Ling,淑儀|Suk Yee,慧敏|Wai Man,曉彤|Hiu Tung,凱琳|Hoi Lam,穎欣|Wing Yan",
  },
  ko: {
    order: "family_first",
    family:
      "김|Kim,이|Lee,박|Park,최|Choi,정|Jung,강|Kang,조|Cho,윤|Yoon,장|Jang,임|Lim,한|Han,오|Oh,서|Seo,신|Shin,권|Kwon",
    male: "민준|Min-jun,서준|Seo-jun,도윤|Do-yun,지훈|Ji-hoon,현우|Hyun-woo,성민|Sung-min,준호|Jun-ho,영수|Young-soo,동현|Dong-hyun,재원|Jae-won",
    female:
      "서연|Seo-yeon,지우|Ji-woo,하은|Ha-eun,민지|Min-ji,수빈|Su-bin,지은|Ji-eun,예린|Ye-rin,은정|Eun-jung,수진|Su-jin,혜원|Hye-won",
  },
  vi: {
    order: "family_first",
    family:
      "Nguyễn|Nguyen,Trần|Tran,Lê|Le,Phạm|Pham,Hoàng|Hoang,Huỳnh|Huynh,Phan|Phan,Vũ|Vu,Võ|Vo,Đặng|Dang," +
      "Bùi|Bui,Đỗ|Do,Hồ|Ho,Ngô|Ngo,Dương|Duong",
    male:
      "Văn Hùng|Van Hung,Minh Tuấn|Minh Tuan,Đức Anh|Duc Anh,Quốc Bảo|Quoc Bao,Thanh Tùng|Thanh Tung," +
      "Hoàng Nam|Hoang Nam,Văn Long|Van Long,Minh Khoa|Minh Khoa,Quang Huy|Quang Huy,Tiến Dũng|Tien Dung",
    female:
      "Thị Lan|Thi Lan,Thu Hà|Thu Ha,Ngọc Anh|Ngoc Anh,Thị Hương|Thi Huong,Phương Linh|Phuong Linh," +
      "Thanh Hằng|Thanh Hang,Minh Thư|Minh Thu,Thị Mai|Thi Mai,Bảo Ngọc|Bao Ngoc,Thùy Dung|Thuy Dung",
  },
  th: {
    order: "given_first",
    family:
      "ศรีสุข|Srisuk,แสงทอง|Saengthong,บุญมา|Boonma,สุขสวัสดิ์|Suksawat,ทองดี|Thongdee,วงศ์สวัสดิ์|Wongsawat," +
      "จันทร์แก้ว|Chankaew,พรหมมา|Promma,รัตนพันธ์|Rattanaphan,ศรีวงศ์|Sriwong,สมบูรณ์|Somboon,เพชรรัตน์|Phetcharat",
    male:
      "สมชาย|Somchai,สมศักดิ์|Somsak,ประเสริฐ|Prasert,วิชัย|Wichai,ธนากร|Thanakorn,ณัฐพล|Nattapon," +
      "อนุชา|Anucha,กิตติ|Kitti,สุรชัย|Surachai,พงศกร|Pongsakorn",
    female:
      "สุดา|Suda,วิไล|Wilai,มาลี|Malee,นภา|Napa,ศิริพร|Siriporn,ปวีณา|Paweena,กาญจนา|Kanchana,อรุณี|Arunee," +
      "จิราพร|Jiraporn,พิมพ์ชนก|Pimchanok",
  },
  id: {
    order: "given_first",
    family:
      "Santoso,Wijaya,Pratama,Kusuma,Setiawan,Hidayat,Saputra,Gunawan,Susanto,Nugroho,Siregar,Simanjuntak,Halim,Sutanto",
    male: "Budi,Agus,Andi,Hendra,Eko,Wahyu,Rudi,Dedi,Arif,Rizky,Fajar,Yoga",
    female: "Siti,Dewi,Rina,Putri,Sri,Dian,Ayu,Indah,Fitri,Nur,Ratna,Wulan",
  },
  tl: {
    order: "given_first",
    family:
      "Santos,Reyes,Cruz,Bautista,Ocampo,Garcia,Mendoza,Torres,Tomas,Castillo,Flores,Villanueva,Ramos,Castro,Rivera,Aquino,Navarro",
    male: "Jose,Juan,Mark,John Paul,Carlo,Miguel,Paolo,Rafael,Joshua,Christian",
    female: "Maria,Angelica,Kristine,Mary Grace,Jasmine,Camille,Nicole,Patricia,Joy,Princess",
  },
  in: {
    order: "given_first",
    family:
      "Sharma,Patel,Singh,Kumar,Gupta,Reddy,Iyer,Nair,Rao,Mehta,Joshi,Das,Shah,Verma,Mishra,Agarwal,Chatterjee,Menon,Pillai,Desai",
    male: "Rahul,Amit,Vikram,Arjun,Rohit,Sanjay,Suresh,Rajesh,Anil,Karthik,Aditya,Vivek,Nikhil,Pranav,Arun",
    female:
      "Priya,Anjali,Pooja,Neha,Divya,Kavya,Sneha,Deepa,Lakshmi,Meera,Shreya,Aishwarya,Ananya,Ritu,Swati",
  },
  /** Chinese Singaporean and Malaysian names, written family first in Latin letters. */
  seaChinese: {
    order: "family_first",
    family: "Tan,Lim,Lee,Ng,Wong,Goh,Chua,Chan,Koh,Teo,Ong,Ang,Yeo,Tay,Ho,Low,Toh,Sim,Chong,Chia",
    male: "Wei Ming,Jun Jie,Zhi Hao,Kai Wen,Wei Jie,Jian Hong,Boon Kiat,Yong Sheng,Chee Keong,Kok Leong",
    female: "Hui Min,Jia Hui,Xin Yi,Li Ting,Mei Ling,Shu Fen,Pei Shan,Wan Ting,Siew Ling,Yi Xuan",
  },
  malay: {
    order: "given_first",
    family:
      "bin Abdullah/binti Abdullah,bin Ismail/binti Ismail,bin Hassan/binti Hassan,bin Rahman/binti Rahman," +
      "bin Yusof/binti Yusof,bin Ibrahim/binti Ibrahim,bin Osman/binti Osman,bin Ahmad/binti Ahmad",
    male: "Ahmad,Muhammad Hafiz,Mohd Faizal,Amirul,Azlan,Hakim,Firdaus,Syafiq",
    female: "Nur Aisyah,Siti Nurhaliza,Farah,Aina,Nurul Huda,Aisyah,Syazwani,Izzati",
  },
} satisfies Record<string, NamePoolSource>;

export type WorldPoolKey = keyof typeof WORLD_POOLS;
